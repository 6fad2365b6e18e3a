async function saveDraft(text: string): Promise<void> {
  const response = await fetch('/api/drafts', { method: 'POST', body: text });
  if (!response.ok) throw new Error(`save failed: ${response.status}`);
}

export function bindSaveButton(button: HTMLButtonElement, editor: HTMLTextAreaElement) {
  button.addEventListener('click', async () => {
    try {
      await saveDraft(editor.value);
      button.textContent = 'Saved';
    } catch (error) {
      button.textContent = 'Save failed';
      console.error(error);
    }
  });
}
