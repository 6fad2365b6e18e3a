/**
 * Which function encloses a source position, and is it async? Computed once
 * per file with TypeScript's parser (given, never imported here, so that
 * loading this file does not load TypeScript), then answered from plain data
 * that can cross a `postMessage` to the shim's worker.
 */
import type * as ts from 'typescript';
import type { FunctionKindAt } from './stack.js';

export interface FunctionSpan {
  /** Offsets into the text: from the function's first token to its end. */
  readonly start: number;
  readonly end: number;
  readonly kind: 'async' | 'promise-callback' | 'sync';
}

export interface SourceSpans {
  /** Offset of each line's first character. */
  readonly lineStarts: readonly number[];
  /** Sorted by start; nested functions come after the function around them. */
  readonly spans: readonly FunctionSpan[];
}

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/** Every function in the text, with its kind. */
export function functionSpans(tsModule: typeof ts, text: string, fileName: string): SourceSpans {
  const kind = /\.[cm]?tsx?$/.test(fileName) ? (fileName.endsWith('x') ? tsModule.ScriptKind.TSX : tsModule.ScriptKind.TS) : tsModule.ScriptKind.JS;
  const source = tsModule.createSourceFile(fileName, text, tsModule.ScriptTarget.Latest, true, kind);
  const spans: FunctionSpan[] = [];
  const visit = (node: ts.Node): void => {
    if (tsModule.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      spans.push({ start: node.getStart(source), end: node.end, kind: kindOf(tsModule, node) });
    }
    tsModule.forEachChild(node, visit);
  };
  visit(source);
  return { lineStarts: source.getLineStarts(), spans };
}

function kindOf(tsModule: typeof ts, node: ts.SignatureDeclaration): FunctionSpan['kind'] {
  const modifiers = tsModule.canHaveModifiers(node) ? tsModule.getModifiers(node) : undefined;
  if (modifiers?.some((modifier) => modifier.kind === tsModule.SyntaxKind.AsyncKeyword)) return 'async';
  const parent = node.parent;
  if (
    tsModule.isCallExpression(parent) &&
    parent.arguments.some((argument) => argument === node) &&
    tsModule.isPropertyAccessExpression(parent.expression) &&
    PROMISE_METHODS.has(parent.expression.name.text)
  ) {
    return 'promise-callback';
  }
  return 'sync';
}

/** The kind of the innermost function around a 1-based line and column. */
export function functionAt(source: SourceSpans, line: number, column: number): FunctionKindAt {
  const lineStart = source.lineStarts[line - 1];
  if (lineStart === undefined) return 'top-level';
  const offset = lineStart + column - 1;
  let found: FunctionKindAt = 'top-level';
  for (const span of source.spans) {
    if (span.start > offset) break;
    if (offset < span.end) found = span.kind;
  }
  return found;
}
