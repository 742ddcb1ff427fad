import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import hostileStrings from '../../fixtures/hostile-strings.json' with { type: 'json' };
import { Highlight } from './Highlight.tsx';

function renderSnippet(snippet: string) {
  return renderHighlight(<Highlight snippet={snippet} />);
}

function renderStored(text: string, tokens: string[]) {
  return renderHighlight(<Highlight text={text} tokens={tokens} />);
}

function renderHighlight(highlight: ReactNode) {
  const { container } = render(
    <MantineProvider env="test">
      <p data-snippet>{highlight}</p>
    </MantineProvider>,
  );
  const root = container.querySelector('[data-snippet]');
  if (!root) throw new Error('snippet root missing');
  return root;
}

/** Every element the snippet produced, by tag name. */
function elementNames(root: Element): string[] {
  return [...root.querySelectorAll('*')].map((element) => element.localName);
}

describe('Highlight', () => {
  it('wraps the matched parts in mark elements and shows the rest as text', () => {
    const root = renderSnippet('info@<mark>muell</mark>er.de');
    expect(root.textContent).toBe('info@mueller.de');
    expect([...root.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['muell']);
  });

  it.each([
    ['<<mark>img</mark> src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    [
      '"><<mark>script</mark>>alert(document.domain)</script>',
      '"><script>alert(document.domain)</script>',
    ],
    ['<<mark>svg</mark>/onload=alert(1)>', '<svg/onload=alert(1)>'],
    ['<<mark>style</mark>>body{display:none}</style>', '<style>body{display:none}</style>'],
    [
      '<<mark>iframe</mark> src=//example.invalid></iframe>',
      '<iframe src=//example.invalid></iframe>',
    ],
    [
      '<a href="javascript:alert(1)"><mark>click</mark></a>',
      '<a href="javascript:alert(1)">click</a>',
    ],
  ])('renders markup in %s as visible text, creating no element but mark', (snippet, shown) => {
    const root = renderSnippet(snippet);
    expect(root.textContent).toBe(shown);
    expect(elementNames(root)).toEqual(['mark']);
  });

  it('shows entities as they were sent, not decoded', () => {
    const root = renderSnippet('&lt;b&gt;<mark>escaped</mark>&lt;/b&gt; &amp; &quot;quoted&quot;');
    expect(root.textContent).toBe('&lt;b&gt;escaped&lt;/b&gt; &amp; &quot;quoted&quot;');
  });

  it('highlights nested marks once, and survives unbalanced ones', () => {
    const nested = renderSnippet('a<mark>b<mark>c</mark>d</mark>e');
    expect(nested.textContent).toBe('abcde');
    expect([...nested.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['bcd']);
    expect(nested.querySelectorAll('mark mark')).toHaveLength(0);

    const stray = renderSnippet('</mark><<mark>img</mark> src=x onerror=alert(1)><mark>');
    expect(stray.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(elementNames(stray)).toEqual(['mark']);

    const unclosed = renderSnippet('<mark>open to the end');
    expect(unclosed.querySelector('mark')?.textContent).toBe('open to the end');
  });

  it('treats marks inside attribute-like text as highlights, not as attributes', () => {
    const root = renderSnippet('<a title="<mark>x</mark>" onclick="alert(1)">');
    expect(root.textContent).toBe('<a title="x" onclick="alert(1)">');
    expect(elementNames(root)).toEqual(['mark']);
    expect(root.querySelector('[onclick]')).toBeNull();
  });

  it('renders a very long snippet completely', () => {
    const long = `${'A'.repeat(20_000)}<mark>needle</mark>${'z'.repeat(20_000)}`;
    const root = renderSnippet(long);
    expect(root.textContent).toHaveLength(40_006);
    expect(root.querySelector('mark')?.textContent).toBe('needle');
  });

  it('renders every hostile fixture string as text, creating no element', () => {
    for (const value of hostileStrings as string[]) {
      if (value.includes('<mark>') || value.includes('</mark>')) continue;
      const root = renderSnippet(value);
      expect(root.textContent).toBe(value);
      expect(elementNames(root)).toEqual([]);
    }
  });

  describe('from the stored text and the matched tokens', () => {
    it('shows stored mark tags as text, marking only what matched', () => {
      const fake = renderStored('<mark>fake highlight</mark>', ['fake']);
      expect(fake.textContent).toBe('<mark>fake highlight</mark>');
      expect([...fake.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['fake']);

      const breakout = renderStored('</mark><img src=x onerror=alert(1)><mark>', ['img']);
      expect(breakout.textContent).toBe('</mark><img src=x onerror=alert(1)><mark>');
      expect(elementNames(breakout)).toEqual(['mark']);
      expect(breakout.querySelector('mark')?.textContent).toBe('img');
      expect(breakout.querySelector('img')).toBeNull();
    });

    it('marks case- and accent-insensitively, in the stored spelling', () => {
      const root = renderStored('Müller & Söhne GmbH', ['muller', 'SOHNE']);
      expect(root.textContent).toBe('Müller & Söhne GmbH');
      expect([...root.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual([
        'Müller',
        'Söhne',
      ]);
    });

    it('renders every hostile fixture string as text, whatever the tokens', () => {
      for (const value of hostileStrings as string[]) {
        const root = renderStored(value, ['mark', 'img', 'script', 'alert']);
        expect(root.textContent).toBe(value);
        expect(elementNames(root).every((name) => name === 'mark')).toBe(true);
      }
    });
  });
});
