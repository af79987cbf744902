/**
 * What both charts share: built when first attached, resized with their box, redrawn at most once a frame, and
 * redrawn after being detached and attached again (Flow moves elements so). One place for this, because a stale
 * frame id in a copy of it once left charts as empty frames.
 */
export abstract class ChartElement extends HTMLElement {
  private frame = 0;
  private readonly resizer = new ResizeObserver(() => this.resize());

  /** Whether the chart library's object exists yet. */
  protected abstract isBuilt(): boolean;
  /** Creates (or re-creates) the chart from the current options and data. */
  protected abstract build(): void;
  protected abstract resize(): void;
  /** Hands the current data to the chart library. */
  protected abstract redraw(): void;

  connectedCallback() {
    this.style.display = 'block';
    this.resizer.observe(this);
    if (!this.isBuilt()) this.build();
    else this.schedule(); // data that came while detached
  }

  disconnectedCallback() {
    this.resizer.disconnect();
    // Forget the cancelled frame: a stale id would make schedule() wait for a frame that never comes.
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Redraws on the next frame; calls within one frame draw once. */
  protected schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.redraw();
    });
  }
}
