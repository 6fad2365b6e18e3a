/**
 * Races across `await` on shared state: a value of `this.*` or of module state
 * read before an `await` and written back after it (a lost update), and a
 * Map/Set check-then-act split by an `await` (duplicated work, overwritten
 * entries). Only state that other calls can reach counts as shared: locals,
 * parameters and closure variables never do, which keeps out the false alarms
 * ESLint's `require-atomic-updates` is known for.
 *
 * The rule feeds the tracker from its listeners (`noteAwait`, `noteAssignment`,
 * `noteCall`) and asks for the races of a function when it leaves it, so a
 * function without `await` costs nothing beyond the listener calls.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, memberName, skipWrappers, someOwnNode, statementList, staticPath, walkSubtree, type FunctionNode } from './ast.js';
import { enclosingFunction } from './async-context.js';
import { variableOf } from './scope.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** Shared state as a path from its root: `['this', 'count']`, `['total']`, `['state', 'items']`. */
export interface SharedTarget {
  readonly path: readonly string[];
  /** The module-level variable at the root, or null for `this`. */
  readonly variable: Variable | null;
}

export type AwaitRace =
  | {
      /** `this.n = this.n + await f()`, `total += await f()`: read, suspend, write in one expression. */
      readonly kind: 'update';
      readonly write: TSESTree.AssignmentExpression;
      readonly target: string;
      readonly await: TSESTree.AwaitExpression;
    }
  | {
      /** `const n = this.n; await f(); this.n = n - 1`: written from a copy taken before the `await`. */
      readonly kind: 'snapshot';
      readonly write: TSESTree.AssignmentExpression;
      readonly target: string;
      readonly snapshot: string;
      readonly await: TSESTree.AwaitExpression;
    }
  | {
      /** `if (!cache.has(k)) { const v = await load(k); cache.set(k, v) }`. */
      readonly kind: 'checkThenAct';
      readonly write: TSESTree.CallExpression;
      readonly target: string;
      readonly check: TSESTree.CallExpression;
      readonly await: TSESTree.AwaitExpression;
    };

export interface AwaitRaceOptions {
  /** Look for Map/Set check-then-act (`has`/`get`, then `set`/`add` after an `await`). */
  readonly checkMaps: boolean;
  /** Is this call a lock (`mutex.runExclusive(...)`, `lock.acquire()`)? Code after or inside one is not reported. */
  readonly isLock: (call: TSESTree.CallExpression) => boolean;
  /** Is this `set`/`add` call itself async (a remote store), so that its atomicity is the store's business? */
  readonly isAsyncStore?: (call: TSESTree.CallExpression) => boolean;
}

/** Listener-shaped functions (no `this`), so a rule can hand them to ESLint as they are. */
export interface AwaitRaceTracker {
  readonly noteAwait: (node: TSESTree.AwaitExpression) => void;
  readonly noteAssignment: (node: TSESTree.AssignmentExpression) => void;
  readonly noteCall: (node: TSESTree.CallExpression) => void;
  /** The races in `fn`, once the traversal has left it. */
  readonly racesIn: (fn: FunctionNode) => AwaitRace[];
}

/** `staticPath`, with private names kept apart from public ones: `this.#count` is `['this', '#count']`. */
export function targetPath(node: TSESTree.Node): string[] | null {
  const target = skipWrappers(node);
  if (target.type === AST_NODE_TYPES.MemberExpression && target.property.type === AST_NODE_TYPES.PrivateIdentifier) {
    const base = targetPath(target.object);
    return base ? [...base, `#${target.property.name}`] : null;
  }
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(target);
    const base = name === null ? null : targetPath(target.object);
    return base && name !== null ? [...base, name] : null;
  }
  return staticPath(target);
}

/** Assignments whose new value is computed from the old one (`??=`, `||=`, `&&=` are lazy initialisation, not updates). */
const UPDATE_OPERATORS = new Set(['+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^=']);
const CHECK_METHODS = new Set(['has', 'get']);
const ACT_METHODS = new Set(['set', 'add']);

interface FunctionState {
  readonly awaits: TSESTree.AwaitExpression[];
  readonly writes: TSESTree.AssignmentExpression[];
  readonly acts: TSESTree.CallExpression[];
}

export function createAwaitRaceTracker(sourceCode: SourceCode, options: AwaitRaceOptions): AwaitRaceTracker {
  const states = new Map<FunctionNode, FunctionState>();
  const stateOf = (node: TSESTree.Node): FunctionState | null => {
    const fn = enclosingFunction(node);
    if (!fn?.async) return null;
    let state = states.get(fn);
    if (!state) {
      state = { awaits: [], writes: [], acts: [] };
      states.set(fn, state);
    }
    return state;
  };

  return {
    noteAwait(node) {
      stateOf(node)?.awaits.push(node);
    },
    noteAssignment(node) {
      if (node.operator !== '=' && !UPDATE_OPERATORS.has(node.operator)) return;
      const left = node.left;
      if (left.type !== AST_NODE_TYPES.Identifier && left.type !== AST_NODE_TYPES.MemberExpression) return;
      stateOf(node)?.writes.push(node);
    },
    noteCall(node) {
      if (!options.checkMaps || !isMapCall(node, ACT_METHODS)) return;
      stateOf(node)?.acts.push(node);
    },
    racesIn(fn) {
      const state = states.get(fn);
      states.delete(fn);
      if (!state || state.awaits.length === 0 || (state.writes.length === 0 && state.acts.length === 0)) return [];
      return new FunctionAnalysis(sourceCode, fn, state, options).races();
    },
  };
}

/**
 * Is this expression shared state: `this.x` (with `this` bound by a function
 * or class, not the module), a module-level variable, or a property of one?
 */
export function sharedTarget(sourceCode: SourceCode, node: TSESTree.Node, { asObject = false } = {}): SharedTarget | null {
  const path = targetPath(node);
  if (!path) return null;
  let root = skipWrappers(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = skipWrappers(root.object);
  if (root.type === AST_NODE_TYPES.ThisExpression) {
    return path.length > 1 && thisIsBound(root) ? { path, variable: null } : null;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = variableOf(sourceCode, root);
  if (!variable || !isModuleVariable(variable)) return null;
  // A module-level object (or a property of one) is shared whatever the declaration kind; a variable written to, only if it can be reassigned.
  if (!asObject && path.length === 1 && !variable.defs.every((def) => def.parent?.type === AST_NODE_TYPES.VariableDeclaration && def.parent.kind !== 'const')) {
    return null;
  }
  return { path, variable };
}

function isModuleVariable(variable: Variable): boolean {
  // CommonJS wraps the file in a function scope whose block is the program.
  return (
    variable.scope.block.type === AST_NODE_TYPES.Program &&
    variable.defs.length > 0 &&
    variable.defs.every((def) => def.type === 'Variable')
  );
}

/** `this` inside a function, method or class member, not the module's `this`. */
function thisIsBound(node: TSESTree.ThisExpression): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
      case AST_NODE_TYPES.StaticBlock:
        return true;
      default:
        break;
    }
  }
  return false;
}

/** `x.has(k)`, `x.get(k)`, `x.set(k, v)`, `x.add(k)` with a key argument, by method name. */
function isMapCall(node: TSESTree.CallExpression, methods: ReadonlySet<string>): node is TSESTree.CallExpression & { callee: TSESTree.MemberExpression } {
  const callee = node.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || node.arguments.length === 0) return false;
  const name = memberName(callee);
  return name !== null && methods.has(name);
}

function isAwaited(node: TSESTree.Node): boolean {
  let current = node;
  let parent = node.parent;
  while (parent && (parent.type === AST_NODE_TYPES.ChainExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression)) {
    current = parent;
    parent = parent.parent;
  }
  return parent?.type === AST_NODE_TYPES.AwaitExpression && parent.argument === current;
}

/** Calls `visit` on `root` and its descendants, not descending into nested functions or classes. */
export function forEachOwnNode(root: TSESTree.Node, visitorKeys: SourceCode['visitorKeys'], visit: (node: TSESTree.Node) => void): void {
  walkSubtree(root, visitorKeys, (node) => {
    visit(node);
    return node !== root && (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) ? 'skip' : undefined;
  });
}

/** The innermost node containing both, or null. */
function commonAncestor(a: TSESTree.Node, b: TSESTree.Node): TSESTree.Node | null {
  const seen = new Set<TSESTree.Node>();
  for (let current: TSESTree.Node | undefined = a; current; current = current.parent) seen.add(current);
  for (let current: TSESTree.Node | undefined = b; current; current = current.parent) if (seen.has(current)) return current;
  return null;
}

const before = (a: TSESTree.Node, b: TSESTree.Node): boolean => a.range[1] <= b.range[0];
/** An `await` before `write`, or inside its operands, has settled by the time `write` takes effect. */
const settlesBefore = (pending: TSESTree.Node, write: TSESTree.Node): boolean => pending.range[1] <= write.range[1] && pending !== write;

class FunctionAnalysis {
  private ownNodes: TSESTree.Node[] | null = null;
  private lockStarts: number[] | null = null;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly fn: FunctionNode,
    private readonly state: FunctionState,
    private readonly options: AwaitRaceOptions,
  ) {}

  races(): AwaitRace[] {
    const found: AwaitRace[] = [];
    for (const write of this.state.writes) {
      const race = this.updateRace(write) ?? this.snapshotRace(write);
      if (race && !this.isLocked(race.write, race.kind === 'update' ? race.write : race.await)) found.push(race);
    }
    for (const act of this.state.acts) {
      const race = this.checkThenActRace(act);
      if (race?.kind === 'checkThenAct' && !this.isLocked(race.write, race.check)) found.push(race);
    }
    return found.sort((a, b) => a.write.range[0] - b.write.range[0]);
  }

  /** `T op= ...await...`, or `T = ...T...await...` with the read on the path that reaches the `await`. */
  private updateRace(write: TSESTree.AssignmentExpression): AwaitRace | null {
    const awaits = this.awaitsWithin(write.right);
    if (awaits.length === 0) return null;
    const target = sharedTarget(this.sourceCode, write.left);
    if (!target) return null;
    const name = target.path.join('.');
    const [first] = awaits;
    if (write.operator !== '=') return first ? { kind: 'update', write, target: name, await: first } : null;
    // `this.config = await this.config`: unwraps the promise it stored, in place.
    const right = skipWrappers(write.right);
    if (right.type === AST_NODE_TYPES.AwaitExpression && targetPath(right.argument)?.join('.') === name) return null;
    for (const read of this.readsOf(target, write.right)) {
      for (const pending of awaits) {
        if (read.range[1] > pending.range[1]) continue;
        const shared = commonAncestor(read, pending);
        // `T = T ? T : await load()`, `T = T || await load()`: the read decides, or sits on another branch.
        if (shared?.type === AST_NODE_TYPES.ConditionalExpression || shared?.type === AST_NODE_TYPES.LogicalExpression) continue;
        return { kind: 'update', write, target: name, await: pending };
      }
    }
    return null;
  }

  /** `const n = T; ... await ...; T = f(n)` with `T` not read again after the `await`. */
  private snapshotRace(write: TSESTree.AssignmentExpression): AwaitRace | null {
    if (write.operator !== '=') return null;
    const candidates: { variable: Variable; identifier: TSESTree.Identifier }[] = [];
    forEachOwnNode(write.right, this.sourceCode.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.Identifier) return;
      const variable = variableOf(this.sourceCode, node);
      if (variable && variable.references.some((ref) => ref.identifier === node && ref.isRead())) {
        candidates.push({ variable, identifier: node });
      }
    });
    if (candidates.length === 0) return null;
    const target = sharedTarget(this.sourceCode, write.left);
    if (!target) return null;
    for (const { variable, identifier } of candidates) {
      const snapshot = this.snapshotOf(variable, target);
      if (!snapshot || !before(snapshot.init, write)) continue;
      // `T = prev` restores a saved value: save/restore, not an update.
      if (skipWrappers(write.right) === identifier && snapshot.plainCopy) continue;
      const pending = this.lastAwaitBetween(snapshot.init, write);
      if (!pending) continue;
      // The function already wrote `T` before it yielded (claim first, then roll back or finish).
      if (this.writesOf(target).some((other) => other !== write && before(snapshot.init, other) && before(other, pending))) continue;
      // `T` read again after the `await`: the code compares or recomputes with the fresh value.
      if (this.readsOf(target, this.fn).some((read) => before(pending, read) && read.range[1] <= write.range[1] && !this.isWriteTarget(read, write))) continue;
      // Shared state checked again after the `await`, leaving when it moved on (`if (gen !== this.gen) return;`).
      if (this.revalidates(target, pending, write)) continue;
      return { kind: 'snapshot', write, target: target.path.join('.'), snapshot: variable.name, await: pending };
    }
    return null;
  }

  /** A `const`/single-assignment local of this function initialised from `T` (`const n = this.units`, `const { units } = this`). */
  private snapshotOf(variable: Variable, target: SharedTarget): { init: TSESTree.Expression; plainCopy: boolean } | null {
    if (variable.defs.length !== 1) return null;
    const def = variable.defs[0];
    if (def?.type !== 'Variable' || !def.node.init) return null;
    if (variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.name)) return null;
    if (enclosingFunction(def.node) !== this.fn) return null;
    const init = def.node.init;
    if (def.node.id.type === AST_NODE_TYPES.Identifier) {
      if (this.readsOf(target, init).length === 0) return null;
      const copy = targetPath(init);
      return { init, plainCopy: copy !== null && copy.join('.') === target.path.join('.') };
    }
    // `const { units } = this`: one level of destructuring.
    const property = def.name.parent;
    if (def.node.id.type !== AST_NODE_TYPES.ObjectPattern || property.type !== AST_NODE_TYPES.Property || property.parent !== def.node.id) return null;
    const key = property.computed ? null : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : null;
    const base = targetPath(init);
    if (key === null || !base || [...base, key].join('.') !== target.path.join('.')) return null;
    if (!sharedTarget(this.sourceCode, init) && init.type !== AST_NODE_TYPES.ThisExpression) return null;
    return { init, plainCopy: true };
  }

  /** `R.set(K, v)` after an `await` that follows `R.has(K)` / a tested `R.get(K)`, with no re-check in between. */
  private checkThenActRace(act: TSESTree.CallExpression): AwaitRace | null {
    if (isAwaited(act) || act.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const receiver = act.callee.object;
    const target = sharedTarget(this.sourceCode, receiver, { asObject: true });
    const [keyNode] = act.arguments;
    if (!target || !keyNode) return null;
    const key = this.sourceCode.getText(keyNode);
    const receiverPath = target.path.join('.');
    const checks = this.nodes().filter(
      (node): node is TSESTree.CallExpression =>
        node.type === AST_NODE_TYPES.CallExpression &&
        node !== act &&
        isMapCall(node, CHECK_METHODS) &&
        targetPath(node.callee.object)?.join('.') === receiverPath &&
        node.arguments[0] !== undefined &&
        this.sourceCode.getText(node.arguments[0]) === key,
    );
    const pending = this.lastAwaitBetween(null, act);
    if (!pending) return null;
    // Checked again after the last `await`: the code acts on what is there now.
    if (checks.some((check) => before(pending, check) && before(check, act))) return null;
    const check = checks.find((candidate) => before(candidate, pending) && !isAwaited(candidate) && isTested(this.sourceCode, candidate));
    if (!check) return null;
    // The `await` must come after the check, not only before the act.
    const between = this.state.awaits.filter((node) => before(check, node) && settlesBefore(node, act));
    if (between.length === 0) return null;
    // The key was claimed before yielding (`cache.set(k, promise); v = await promise; cache.set(k, v)`).
    if (this.state.acts.some((other) => other !== act && before(check, other) && before(other, pending) && sameEntry(this.sourceCode, other, act))) return null;
    // Every `await` in between runs only when the check found the key (`if (pending.get(k)) await pending.get(k);`),
    // or on a branch that leaves the function before the act (`if (skip) { await detach(); return; }`).
    if (between.every((node) => onlyWhenFound(node, check) || leavesBefore(node, act))) return null;
    // The check must decide something about the act: the act, or the work awaited before it, runs only
    // on the check's "not there" path, or the act stores back what the check read. A check that only
    // decides a side matter (`if (mtimes.get(f) !== mtime) bust(f);`, then the work for every caller) is no race.
    const decision = new CheckDecision(this.sourceCode, check);
    if (!decision.gates(act) && !between.some((node) => decision.gates(node)) && !decision.feeds(act)) return null;
    // A store another module exports (`require('./configstore').configstore`): not a map this file owns.
    if (target.variable && isRequired(target.variable)) return null;
    if (this.options.isAsyncStore?.(act)) return null;
    const method = memberName(act.callee) ?? 'set';
    return { kind: 'checkThenAct', write: act, target: `${receiverPath}.${method}(${method === 'add' ? key : `${key}, …`})`, check, await: pending };
  }

  /**
   * Between `pending` and `write`, an `if` that reads shared state of the same
   * owner (`this.*`, or the module variable) and leaves (`return`, `throw`):
   * the code looked again after yielding and only writes when nothing moved.
   */
  private revalidates(target: SharedTarget, pending: TSESTree.Node, write: TSESTree.Node): boolean {
    return this.nodes().some((node) => {
      if (node.type !== AST_NODE_TYPES.IfStatement || !before(pending, node) || !before(node, write) || !leaves(node.consequent)) return false;
      return someOwnNode(node.test, this.sourceCode.visitorKeys, (inner) => {
        const shared = inner.type === AST_NODE_TYPES.MemberExpression || inner.type === AST_NODE_TYPES.Identifier ? sharedTarget(this.sourceCode, inner, { asObject: true }) : null;
        return !!shared && (target.variable ? shared.variable === target.variable : shared.variable === null);
      });
    });
  }

  /** Own `await`s of the function inside `root`. */
  private awaitsWithin(root: TSESTree.Node): TSESTree.AwaitExpression[] {
    return this.state.awaits.filter((node) => node.range[0] >= root.range[0] && node.range[1] <= root.range[1]);
  }

  /**
   * The last own `await` after `start` (when given) that settles before `write` takes effect: before it, or
   * inside its operands (`cache.set(k, await load(k))`, `this.n = n + await f()`).
   */
  private lastAwaitBetween(start: TSESTree.Node | null, write: TSESTree.Node): TSESTree.AwaitExpression | null {
    let last: TSESTree.AwaitExpression | null = null;
    for (const node of this.state.awaits) {
      if ((start === null || before(start, node)) && settlesBefore(node, write) && (!last || node.range[0] > last.range[0])) last = node;
    }
    return last;
  }

  /** Own reads of exactly `target` inside `root` (for a variable: its references; for a path: matching member expressions). */
  private readsOf(target: SharedTarget, root: TSESTree.Node): TSESTree.Node[] {
    const key = target.path.join('.');
    const inRoot = (node: TSESTree.Node): boolean => node.range[0] >= root.range[0] && node.range[1] <= root.range[1];
    if (target.path.length === 1 && target.variable) {
      return target.variable.references
        .filter((ref) => ref.isRead() && inRoot(ref.identifier) && enclosingFunction(ref.identifier) === this.fn)
        .map((ref) => ref.identifier);
    }
    const reads: TSESTree.Node[] = [];
    const scan = (node: TSESTree.Node): void => {
      if (node.type !== AST_NODE_TYPES.MemberExpression || targetPath(node)?.join('.') !== key) return;
      if (node.parent.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node && node.parent.operator === '=') return;
      if (sharedTarget(this.sourceCode, node)) reads.push(node);
    };
    if (root === this.fn) for (const node of this.nodes()) scan(node);
    else forEachOwnNode(root, this.sourceCode.visitorKeys, scan);
    return reads;
  }

  private writesOf(target: SharedTarget): TSESTree.AssignmentExpression[] {
    const key = target.path.join('.');
    return this.state.writes.filter((write) => targetPath(write.left)?.join('.') === key);
  }

  private isWriteTarget(read: TSESTree.Node, write: TSESTree.AssignmentExpression): boolean {
    return read === write.left;
  }

  /** Inside a lock's callback, or after a lock call in this function that precedes `from`. */
  private isLocked(node: TSESTree.Node, from: TSESTree.Node): boolean {
    for (let fn: FunctionNode | null = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      const call = fn.parent;
      if (call.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(fn as TSESTree.Expression) && this.options.isLock(call)) return true;
    }
    this.lockStarts ??= this.nodes()
      .filter((candidate): candidate is TSESTree.CallExpression => candidate.type === AST_NODE_TYPES.CallExpression && this.options.isLock(candidate))
      .map((call) => call.range[0]);
    return this.lockStarts.some((start) => start < from.range[0]);
  }

  private nodes(): TSESTree.Node[] {
    if (!this.ownNodes) {
      const collected: TSESTree.Node[] = [];
      if (this.fn.body) forEachOwnNode(this.fn.body, this.sourceCode.visitorKeys, (node) => collected.push(node));
      this.ownNodes = collected;
    }
    return this.ownNodes;
  }
}

/** `R.set(K, …)` twice on the same receiver and key. */
function sameEntry(sourceCode: SourceCode, a: TSESTree.CallExpression, b: TSESTree.CallExpression): boolean {
  if (a.callee.type !== AST_NODE_TYPES.MemberExpression || b.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const [keyA] = a.arguments;
  const [keyB] = b.arguments;
  return (
    !!keyA &&
    !!keyB &&
    targetPath(a.callee.object)?.join('.') === targetPath(b.callee.object)?.join('.') &&
    sourceCode.getText(keyA) === sourceCode.getText(keyB)
  );
}

/** Is `node` inside the consequent of an `if` whose test is `check` itself (the branch where the key was found)? */
function onlyWhenFound(node: TSESTree.Node, check: TSESTree.CallExpression): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && skipWrappers(parent.test) === check) return true;
    if (isFunctionNode(parent)) return false;
  }
  return false;
}

/**
 * Is `node` on a branch that always leaves the function (`return`, `throw`) and
 * does not hold `act`: `if (filtered) { await detach(); return; }` before the act?
 * No path then runs the `await` and, later, the act.
 */
function leavesBefore(node: TSESTree.Node, act: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.IfStatement || child === parent.test) continue;
    const branch = child as TSESTree.Statement;
    if (leaves(branch) && !contains(branch, act)) return true;
  }
  return false;
}

const contains = (outer: TSESTree.Node, inner: TSESTree.Node): boolean => outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];

/**
 * What the outcome of a Map/Set check decides: the check itself, and the
 * local that holds its result (`const cached = cache.get(k)`,
 * `const list = map.get(k) || []`) with the tests made of it.
 */
class CheckDecision {
  private readonly holders: TSESTree.Node[] = [];

  constructor(
    sourceCode: SourceCode,
    private readonly check: TSESTree.CallExpression,
  ) {
    const holder = holdingVariable(sourceCode, check);
    if (holder) this.holders = holder.references.filter((ref) => ref.isRead()).map((ref) => ref.identifier);
  }

  /**
   * Does `node` run only on some outcomes of the check: inside a branch whose
   * test uses it (`if`, `?:`, the right of `&&`/`||`/`??`), or after an `if`
   * on it that leaves (`if (cached) return cached;`, `continue` in a loop)?
   */
  gates(node: TSESTree.Node): boolean {
    for (let child = node, parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
      switch (parent.type) {
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.ConditionalExpression:
          if (child !== parent.test && this.usedIn(parent.test)) return true;
          break;
        case AST_NODE_TYPES.LogicalExpression:
          if (child === parent.right && this.usedIn(parent.left)) return true;
          break;
        default: {
          const list = statementList(parent);
          if (!list) break;
          const earlier = list.slice(0, list.indexOf(child));
          const decides = earlier.some(
            (statement) =>
              statement.type === AST_NODE_TYPES.IfStatement &&
              this.usedIn(statement.test) &&
              (exits(statement.consequent) || (statement.alternate !== null && exits(statement.alternate))),
          );
          if (decides) return true;
        }
      }
    }
    return false;
  }

  /** Does the act store back a value the check read (`const list = map.get(k) || []; …; map.set(k, list)`)? */
  feeds(act: TSESTree.CallExpression): boolean {
    const value = act.arguments[1];
    return value !== undefined && this.usedIn(value);
  }

  private usedIn(root: TSESTree.Node): boolean {
    return contains(root, this.check) || this.holders.some((identifier) => contains(root, identifier));
  }
}

/** The local whose value is the check's result (or made from it): `const cached = cache.get(k)`, `let v; v = map.get(k) ?? []`. */
function holdingVariable(sourceCode: SourceCode, check: TSESTree.CallExpression): Variable | null {
  let child: TSESTree.Node = check;
  for (let parent: TSESTree.Node | undefined = check.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.VariableDeclarator) {
      return parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier ? variableOf(sourceCode, parent.id) : null;
    }
    if (parent.type === AST_NODE_TYPES.AssignmentExpression) {
      return parent.right === child && parent.left.type === AST_NODE_TYPES.Identifier ? variableOf(sourceCode, parent.left) : null;
    }
    if (isStatementLike(parent) || isFunctionNode(parent)) return null;
  }
  return null;
}

function isStatementLike(node: TSESTree.Node): boolean {
  return node.type.endsWith('Statement') || node.type.endsWith('Declaration');
}


/** `leaves`, or skips the rest of a loop's body (`continue`). */
function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ContinueStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return leaves(statement);
  const last = statement.body[statement.body.length - 1];
  return !!last && exits(last);
}

/** Does the statement always leave the function: `return`, `throw`, or a block ending in one? */
function leaves(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body[statement.body.length - 1];
  return !!last && leaves(last);
}

/** A module variable bound to `require(...)` (or a member of it): another module's object. */
function isRequired(variable: Variable): boolean {
  return variable.defs.some((def) => {
    if (def.type !== 'Variable' || !def.node.init) return false;
    let init = skipWrappers(def.node.init);
    while (init.type === AST_NODE_TYPES.MemberExpression) init = skipWrappers(init.object);
    return init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require';
  });
}

/**
 * Is the result of `R.has(K)` / `R.get(K)` used to decide: tested by `if`, `!`,
 * `?:`, `&&`/`||`/`??`, a comparison, or stored in a local that is tested?
 */
function isTested(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  if (call.callee.type === AST_NODE_TYPES.MemberExpression && memberName(call.callee) === 'has') return true;
  if (decides(call)) return true;
  const parent = call.parent;
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== call || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(sourceCode, parent.id);
  return !!variable && variable.references.some((ref) => ref.identifier !== parent.id && decides(ref.identifier));
}

function decides(node: TSESTree.Node): boolean {
  let child = node;
  let parent = node.parent;
  while (parent?.type === AST_NODE_TYPES.TSNonNullExpression || parent?.type === AST_NODE_TYPES.ChainExpression) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
      return parent.test === child;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!';
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === child;
    case AST_NODE_TYPES.BinaryExpression:
      return ['==', '===', '!=', '!=='].includes(parent.operator);
    default:
      return false;
  }
}

const STATEMENT_LISTS = new Set<string>([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
]);

/**
 * For `T op= await f()` and `T = T op await f()` as a statement: await first
 * into a new constant, then update `T` from its current value
 * (`const delta = await f();` then `T op= delta;`). Null for other shapes.
 */
export function awaitBeforeReadFix(
  sourceCode: SourceCode,
  race: AwaitRace,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null {
  if (race.kind !== 'update') return null;
  const { write } = race;
  const statement = write.parent;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || !STATEMENT_LISTS.has(statement.parent.type)) return null;
  const right = skipWrappers(write.right);
  let awaited: TSESTree.AwaitExpression;
  let rebuild: (name: string) => string;
  const left = sourceCode.getText(write.left);
  if (write.operator !== '=' && right.type === AST_NODE_TYPES.AwaitExpression) {
    awaited = right;
    rebuild = (name) => `${left} ${write.operator} ${name}`;
  } else if (
    write.operator === '=' &&
    right.type === AST_NODE_TYPES.BinaryExpression &&
    right.right.type === AST_NODE_TYPES.AwaitExpression &&
    sourceCode.getText(right.left) === left
  ) {
    awaited = right.right;
    rebuild = (name) => `${left} = ${left} ${right.operator} ${name}`;
  } else {
    return null;
  }
  const fn = enclosingFunction(write);
  const scopeText = sourceCode.getText(fn ?? sourceCode.ast);
  let name = 'delta';
  for (let suffix = 2; new RegExp(`\\b${name}\\b`).test(scopeText); suffix++) name = `delta${String(suffix)}`;
  const indent = ' '.repeat(statement.loc.start.column);
  const text = `const ${name} = ${sourceCode.getText(awaited)};\n${indent}${rebuild(name)};`;
  return (fixer) => fixer.replaceText(statement, text);
}
