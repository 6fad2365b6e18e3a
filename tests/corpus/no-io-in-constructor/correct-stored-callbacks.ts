export class SaveButton {
  readonly onClick: () => Promise<void>;

  constructor(private readonly url: string, private readonly body: () => string) {
    this.onClick = async () => {
      await fetch(this.url, { method: 'POST', body: this.body() });
    };
  }
}
