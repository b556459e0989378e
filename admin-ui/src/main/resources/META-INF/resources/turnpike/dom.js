/**
 * Building the page's elements without parsing markup: every piece of text the API sends is put
 * in as a text node, so nothing it contains can become HTML or script.
 */

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An element with attributes and children: `el('td', {class: 'number'}, '42')`.
 * Attribute values of `null`, `undefined` or `false` are left out; `true` sets an empty one.
 * Children are nodes or values written as text; `null` and `undefined` children are skipped.
 */
export function el(tag, attributes = {}, ...children) {
  return fill(document.createElement(tag), attributes, children);
}

/** The same for SVG elements. */
export function svg(tag, attributes = {}, ...children) {
  return fill(document.createElementNS(SVG, tag), attributes, children);
}

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** A timestamp (ISO-8601) as local time, in a `<time>` element that keeps the exact value. */
export function time(iso) {
  if (!iso) {
    return el('span', {class: 'muted'}, 'never');
  }
  const date = new Date(iso);
  const shown = Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
  return el('time', {datetime: iso, title: iso}, shown);
}

/** A whole number with thousands separators. */
export function count(value) {
  return Number(value).toLocaleString('en');
}
