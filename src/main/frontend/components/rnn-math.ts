// <rnn-math tex="..." display>: renders TeX with KaTeX, bundled (no CDN). MathML output needs neither
// KaTeX's CSS nor its fonts: every current browser lays MathML out natively.
import katex from 'katex';

class RnnMath extends HTMLElement {
  static get observedAttributes() {
    return ['tex', 'display'];
  }

  connectedCallback() {
    this.render();
  }

  attributeChangedCallback() {
    this.render();
  }

  private render() {
    const display = this.hasAttribute('display');
    this.style.display = display ? 'block' : 'inline';
    this.innerHTML = katex.renderToString(this.getAttribute('tex') ?? '', {
      output: 'mathml',
      displayMode: display,
      throwOnError: false,
    });
  }
}

customElements.define('rnn-math', RnnMath);
