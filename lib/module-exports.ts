/**
 * The summary of a module's exports that untyped mode reads across files:
 * exported name -> does calling it return a promise? Methods of exported
 * classes and interfaces appear as `Class#method`; methods of an exported
 * object literal or instance of a local class as `object.method`. Built by either reader
 * (ESTree in cross-file.ts, TypeScript's own AST in cross-file-ts.ts).
 */
import type { Answer } from './promise-oracle.js';

export type Summary = ReadonlyMap<string, Answer>;

/** What a function's declaration says, whichever AST it came from. */
export interface FunctionShape {
  readonly async: boolean;
  readonly generator: boolean;
  /** The written return type: its name for references (`Promise`), `void`, another keyword, or null. */
  readonly returnType: string | null;
}

/** What a function's own declaration says about its result, without reading its body. */
export function shapeAnswer(shape: FunctionShape): Answer {
  if (shape.generator) return 'no';
  if (shape.async) return 'yes';
  if (shape.returnType === 'Promise' || shape.returnType === 'PromiseLike') return 'yes';
  if (shape.returnType === 'void') return 'no';
  return 'unknown';
}

/** Overloads: any signature returning a promise is enough; disagreeing others make it unknown. */
export function mergeAnswers(previous: Answer | undefined, answer: Answer): Answer {
  if (previous === undefined) return answer;
  if (previous === 'yes' || answer === 'yes') return 'yes';
  return previous === answer ? answer : 'unknown';
}

export class ExportsBuilder {
  private readonly functions = new Map<string, Answer>();
  private readonly classes = new Map<string, Map<string, Answer>>();
  private readonly exported = new Map<string, Answer>();
  private readonly aliases: [exportedName: string, localName: string][] = [];
  private readonly instances: [exportedName: string, className: string][] = [];

  /** A function declared at the top level (`local`), exported as `exportAs` if given. */
  fn(local: string | null, answer: Answer, exportAs: string | null): void {
    if (local !== null) this.functions.set(local, mergeAnswers(this.functions.get(local), answer));
    if (exportAs !== null) this.exported.set(exportAs, mergeAnswers(this.exported.get(exportAs), answer));
  }

  /** A class or interface with its instance methods, exported as `exportAs` if given. */
  cls(local: string | null, methods: ReadonlyMap<string, Answer>, exportAs: string | null): void {
    if (local !== null) {
      const known = this.classes.get(local) ?? new Map<string, Answer>();
      for (const [name, answer] of methods) known.set(name, mergeAnswers(known.get(name), answer));
      this.classes.set(local, known);
    }
    if (exportAs !== null) for (const [name, answer] of methods) this.exported.set(`${exportAs}#${name}`, answer);
  }

  /** An exported object literal's methods (`export const flags = { async isEnabled() {} }`), as `flags.isEnabled`. */
  obj(methods: ReadonlyMap<string, Answer>, exportAs: string | null): void {
    if (exportAs === null) return;
    for (const [name, answer] of methods) this.exported.set(`${exportAs}.${name}`, answer);
  }

  /** An exported instance of a class of this module (`export const db = new Db()`): its methods as `db.exists`. */
  instance(className: string, exportAs: string | null): void {
    if (exportAs !== null) this.instances.push([exportAs, className]);
  }

  /** `export { local as exportedName }`, `export default local`, `module.exports.x = local`. */
  alias(exportedName: string, localName: string): void {
    this.aliases.push([exportedName, localName]);
  }

  finish(): Summary {
    for (const [exportedName, localName] of this.aliases) {
      const answer = this.functions.get(localName);
      if (answer) this.exported.set(exportedName, answer);
      for (const [method, methodAnswer] of this.classes.get(localName) ?? []) {
        this.exported.set(`${exportedName}#${method}`, methodAnswer);
      }
    }
    for (const [exportedName, className] of this.instances) {
      for (const [method, methodAnswer] of this.classes.get(className) ?? []) {
        this.exported.set(`${exportedName}.${method}`, methodAnswer);
      }
    }
    return this.exported;
  }
}

/** Adds a method's answer to a method table, merging overloads. */
export function noteMethod(methods: Map<string, Answer>, name: string | null, answer: Answer): void {
  if (name !== null) methods.set(name, mergeAnswers(methods.get(name), answer));
}
