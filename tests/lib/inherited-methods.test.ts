import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { asyncOverridesOfVoid, memberHeadLoc } from '../../lib/inherited-methods.js';
import { getTypeInfo } from '../../lib/type-info.js';
import { probeNodes } from './probe.js';

type TypeLike = TSESTree.ClassDeclaration | TSESTree.ClassExpression | TSESTree.TSInterfaceDeclaration;

/** `name<base` for every promise-returning member that overrides a void one, per class or interface. */
function overrides(code: string, typed: boolean): string[][] {
  return probeNodes(
    code,
    'ClassDeclaration, ClassExpression, TSInterfaceDeclaration',
    (context, node: TypeLike) =>
      asyncOverridesOfVoid(context.sourceCode, getTypeInfo(context), node).map(
        (found) => `${found.name}<${found.base}`,
      ),
    { typed },
  );
}

const code = `
interface Listener { handle(event: string): void; close: () => void; ready(): Promise<void> }
class Base { start(): void {} stop = (): void => {}; static make(): void {} }
abstract class Task { abstract run(): void }
export class A extends Base implements Listener {
  async handle() {}
  close = async () => {};
  async ready() {}
  async start() {}
  stop = async (): Promise<void> => {};
  static async make() {}
  async other() {}
}
export abstract class B extends Task { abstract run(): Promise<void> }
export interface C extends Listener { handle(event: string): Promise<void>; close: () => Promise<void> }
export class D { async handle() {} }
export class E extends Base { start(): void {} }
`;

describe('asyncOverridesOfVoid', () => {
  for (const typed of [false, true]) {
    it(`finds promise-returning overrides of void members (${typed ? 'typed' : 'untyped'})`, () => {
      expect(overrides(code, typed)).toEqual([
        [],
        [],
        [],
        ['handle<Listener', 'close<Listener', 'start<Base', 'stop<Base'],
        ['run<Task'],
        ['handle<Listener', 'close<Listener'],
        [],
        [],
      ]);
    });
  }

  it('reads bases only the checker knows: intersections, generics, imported types', () => {
    const typedOnly = `
type Both = { save(): void } & { id: number };
type Pick<T extends boolean> = T extends true ? { save(): Promise<void> } : { save(): void };
export class A implements Both { id = 1; async save() {} }
export interface B extends Pick<false> { save(): Promise<void> }
export interface C extends Pick<true> { save(): Promise<void> }
`;
    expect(overrides(typedOnly, true)).toEqual([['save<Both'], ['save<Pick<false>'], []]);
    expect(overrides(typedOnly, false)).toEqual([[], [], []]);
  });
});

describe('memberHeadLoc', () => {
  it('spans a member from its start to the end of its name', () => {
    const heads = probeNodes(
      `export class A { async handle() {} static async make() {} accessor run = async () => {}; }`,
      'MethodDefinition, AccessorProperty',
      (context, member: TSESTree.Node) => {
        const loc = memberHeadLoc(member);
        return (context.sourceCode.lines[loc.start.line - 1] ?? '').slice(loc.start.column, loc.end.column);
      },
    );
    expect(heads).toEqual(['async handle', 'static async make', 'accessor run']);
  });
});
