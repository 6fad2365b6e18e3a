/**
 * Shared state read before an `await` and written after it. While the function
 * waits, another call of it (another request, another click) runs and updates
 * the same field; the write that follows the `await` is computed from the value
 * read before, so that update is silently lost. A Map/Set check split by an
 * `await` lets every concurrent call pass the check and redo the work. The
 * asyncio "state shared between tasks" pitfall.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { awaitBeforeReadFix, createAwaitRaceTracker, type AwaitRace } from '../lib/await-race.js';
import { createRule } from '../lib/create-rule.js';
import { getPromiseOracle } from '../lib/promise-oracle.js';
import { matchesAllow } from '../lib/specifiers.js';

export type Options = [
  {
    checkMaps?: boolean;
    locks?: string[];
  },
];

export type MessageIds = 'updateAcrossAwait' | 'staleSnapshot' | 'checkThenAct' | 'suggestAwaitFirst';

export default createRule<Options, MessageIds>({
  name: 'no-await-race',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow updating shared state from a value read before an `await`',
      strict: true,
      recommended: false,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      updateAcrossAwait:
        '`{{target}}` is read before this `await` and written after it: if another call updates `{{target}}` while this one waits, that update is overwritten and lost.',
      staleSnapshot:
        '`{{target}}` is written from `{{snapshot}}`, a copy read before an `await`: if another call updates `{{target}}` while this one waits, that update is overwritten and lost.',
      checkThenAct:
        '`{{target}}` runs after an `await` that follows the check `{{check}}`: concurrent calls all pass the check, repeat the work and overwrite each other\'s entry.',
      suggestAwaitFirst: 'Await first, then update `{{target}}` from its current value.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkMaps: {
            type: 'boolean',
            description: 'Also report a Map/Set check (`has`, a tested `get`) followed by an `await` and then `set`/`add` of the same key.',
          },
          locks: {
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', minLength: 1 },
            description:
              'Calls that take a lock: code inside their callback, or after them in the same function, is not reported. A dotted path (`this.mutex.runExclusive`) or, without a dot, a method name (`runExclusive`).',
          },
        },
      },
    ],
    defaultOptions: [
      {
        checkMaps: true,
        locks: ['runExclusive', 'acquire', 'lock', 'withLock', 'navigator.locks.request'],
      },
    ],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const locks = options.locks ?? [];
    const tracker = createAwaitRaceTracker(sourceCode, {
      checkMaps: options.checkMaps !== false,
      isLock: (call) => matchesAllow(sourceCode, call.callee, locks),
      // A `set` that returns a promise belongs to an async store (Redis, Keyv): its atomicity is the store's business.
      isAsyncStore: (call) => getPromiseOracle(context).isPromise(call) === 'yes',
    });

    return {
      AwaitExpression: tracker.noteAwait,
      AssignmentExpression: tracker.noteAssignment,
      CallExpression: tracker.noteCall,
      ':function:exit'(node: TSESTree.FunctionLike) {
        if (!node.async) return;
        for (const race of tracker.racesIn(node)) report(race);
      },
    };

    function report(race: AwaitRace): void {
      const target = race.target;
      switch (race.kind) {
        case 'update': {
          const fix = awaitBeforeReadFix(sourceCode, race);
          context.report({
            node: race.write,
            messageId: 'updateAcrossAwait',
            data: { target },
            suggest: fix ? [{ messageId: 'suggestAwaitFirst', data: { target }, fix }] : [],
          });
          return;
        }
        case 'snapshot':
          context.report({ node: race.write, messageId: 'staleSnapshot', data: { target, snapshot: race.snapshot } });
          return;
        case 'checkThenAct':
          context.report({ node: race.write, messageId: 'checkThenAct', data: { target, check: sourceCode.getText(race.check) } });
          return;
      }
    }
  },
});
