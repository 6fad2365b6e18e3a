interface Doc {
  readonly id: string;
  readonly dirty: boolean;
}

async function persist(doc: Doc): Promise<Doc> {
  return { ...doc, dirty: false };
}

export async function save(doc: Doc) {
  if (!doc.dirty) return doc;
  return persist(doc);
}
