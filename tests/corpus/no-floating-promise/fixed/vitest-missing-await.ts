// A test that does not await the save it checks: it passes or fails depending
// on microtask timing, and a failing save is reported against another test.
import { describe, expect, it } from 'vitest';

interface Note {
  id: string;
  text: string;
}

class NoteRepository {
  private readonly rows = new Map<string, Note>();

  async save(note: Note): Promise<void> {
    await Promise.resolve();
    this.rows.set(note.id, { ...note });
  }

  async find(id: string): Promise<Note | undefined> {
    return this.rows.get(id);
  }
}

describe('NoteRepository', () => {
  it('finds what it saved', async () => {
    const repo = new NoteRepository();
    await repo.save({ id: 'n1', text: 'buy milk' });
    expect(await repo.find('n1')).toEqual({ id: 'n1', text: 'buy milk' });
  });
});
