/**
 * Rule selection that stays fast as rule sets grow: patterns are analysed for the literals any
 * match must contain ({@link dev.turnpike.match.RegexAnalysis}), one automaton pass over a
 * subject finds the rules that may match ({@link dev.turnpike.match.RuleIndex}), and matching on
 * request input is bounded ({@link dev.turnpike.match.BoundedSubject}).
 */
package dev.turnpike.match;
