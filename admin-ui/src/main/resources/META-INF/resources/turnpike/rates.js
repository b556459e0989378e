import {svg} from './dom.js';

/**
 * Request rates per backend, from successive readings of its `requests` counter: the rate of a
 * reading is the requests since the previous one divided by the seconds between them. A counter
 * that went down (the backend was configured anew) starts the series again.
 */
export class Rates {
  constructor(points = 30) {
    this.points = points;
    this.series = new Map();
  }

  /** Records a reading; returns the backend's rates so far, oldest first. */
  record(key, requests, atMillis) {
    let entry = this.series.get(key);
    if (!entry || requests < entry.requests) {
      entry = {requests, at: atMillis, rates: []};
      this.series.set(key, entry);
      return entry.rates;
    }
    const seconds = (atMillis - entry.at) / 1000;
    if (seconds > 0) {
      entry.rates.push((requests - entry.requests) / seconds);
      if (entry.rates.length > this.points) {
        entry.rates.shift();
      }
      entry.requests = requests;
      entry.at = atMillis;
    }
    return entry.rates;
  }

  /** Forgets the backends not in the given keys. */
  keep(keys) {
    for (const key of [...this.series.keys()]) {
      if (!keys.has(key)) {
        this.series.delete(key);
      }
    }
  }
}

/** A rate as text: `0`, `0.4`, `12`, `1,300`. */
export function rateText(rate) {
  if (rate === undefined) {
    return '…';
  }
  return rate >= 10 ? Math.round(rate).toLocaleString('en') : String(Math.round(rate * 10) / 10);
}

/**
 * A small line chart of the rates, scaled to the highest one (at least 1 request per second, so
 * a trickle does not look like a flood).
 */
export function sparkline(rates, label, width = 120, height = 24) {
  const top = Math.max(1, ...rates);
  const step = rates.length > 1 ? width / (rates.length - 1) : width;
  const points = rates.map((rate, i) => {
    const x = rates.length > 1 ? i * step : width;
    const y = height - 1 - (rate / top) * (height - 2);
    return x.toFixed(1) + ',' + y.toFixed(1);
  });
  return svg('svg', {class: 'sparkline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
        'aria-label': label},
      svg('title', {}, label),
      svg('line', {x1: 0, y1: height - 0.5, x2: width, y2: height - 0.5, class: 'axis'}),
      points.length > 0 ? svg('polyline', {points: points.join(' '), class: 'rate'}) : null);
}
