import { call, newIdempotencyKey } from './api.js';
import { clear, field, h } from './dom.js';
import { clearFieldErrors, showFieldErrors } from './field-errors.js';
import { languageAttributes } from './format.js';
import { proposalCard } from './proposal-card.js';

const articleApi = {
  submit: (token, body, key) =>
    call('POST', '/api/admin/articles', { token, body, headers: { 'idempotency-key': key } }),
  show: (token, sourceId) => call('GET', `/api/admin/articles/${encodeURIComponent(sourceId)}`, { token }),
  dates: (text, anchor, language) => call('POST', '/api/temporal/extract', { body: { text, anchor, language } }),
};

/** The article's text with every date expression marked, in the article's own direction. */
function markedText(text, mentions, language) {
  // A named region, focusable: it scrolls on its own beside the proposals.
  const el = h('section', {
    class: 'article-text',
    tabindex: '0',
    'aria-label': 'Article text',
    ...languageAttributes(language),
  });
  let at = 0;
  for (const mention of mentions) {
    if (mention.start < at) continue;
    el.append(text.slice(at, mention.start));
    const { start, end } = mention.resolution;
    el.append(h('mark', { class: 'date-mention', title: start === end ? start : `${start} – ${end}` }, mention.text));
    at = mention.end;
  }
  el.append(text.slice(at));
  return el;
}

/**
 * "Add article": paste a text, then review what Annals proposes beside it. `onRecorded(eventId, position)` waits for the
 * timeline to show an accepted event and answers a sentence.
 */
export function createArticleView({ token, onRecorded, onRefused }) {
  const title = h('input', { type: 'text', name: 'title', dir: 'auto', autocomplete: 'off' });
  const publishedAt = h('input', { type: 'date', name: 'publishedAt' });
  const language = h(
    'select',
    { name: 'language' },
    h('option', { value: '' }, 'Detect from the text'),
    h('option', { value: 'ar' }, 'Arabic'),
    h('option', { value: 'en' }, 'English'),
  );
  const text = h('textarea', { name: 'text', rows: 10, dir: 'auto' });
  const submit = h('button', { type: 'submit', class: 'button-primary' }, 'Propose statements');
  const progress = h('p', { class: 'notice', role: 'status' });
  progress.hidden = true;
  const review = h('section', { class: 'article-review', 'aria-labelledby': 'article-review-heading' });
  review.hidden = true;
  let key = newIdempotencyKey();
  const form = h(
    'form',
    { class: 'article-form', novalidate: true, 'aria-label': 'Add an article' },
    field('Title', title),
    h(
      'div',
      { class: 'grid-2' },
      field('Published on', publishedAt, 'Relative dates (“last week”) are read from this day'),
      field('Language', language),
    ),
    field('Article text', text, 'Paste the full text of the article'),
    h('div', { class: 'actions' }, submit),
    progress,
  );

  const showReview = async (sourceId) => {
    const article = await articleApi.show(token(), sourceId);
    const lang = article.source.language;
    const { mentions } = await articleApi
      .dates(article.text, article.source.publishedAt.slice(0, 10), lang)
      .catch(() => ({ mentions: [] }));
    const heading = h('h3', { id: 'article-review-heading', tabindex: '-1' }, 'Review the proposals');
    const summary = h('p', { class: 'review-summary', role: 'status' });
    const list = h('ol', { class: 'proposal-list', 'aria-label': 'Proposals' });
    const count = () => {
      const cards = [...list.children];
      const open = cards.filter((c) => c.querySelector('form')).length;
      summary.textContent = `${cards.length} proposals, ${open} left to decide.`;
    };
    const nextAfter = (card) => {
      const cards = [...list.children];
      const open = [...cards.slice(cards.indexOf(card) + 1), ...cards].find((c) => c.querySelector('form'));
      (open?.querySelector('button[type="submit"]') ?? heading).focus();
    };
    for (const proposal of article.proposals) {
      list.append(
        proposalCard(proposal, {
          sourceId,
          language: lang,
          token,
          onRefused,
          onDecided: async (card, result) => {
            count();
            nextAfter(card);
            if (result.decision === 'dismissed') return 'Dismissed.';
            // The decision's position: once the timeline has it, it shows the event and any attached source.
            const shown = await onRecorded(result.eventId, result.position);
            return result.decision === 'attached' ? `Attached as another source. ${shown}` : shown;
          },
        }),
      );
    }
    count();
    clear(review).append(
      heading,
      summary,
      h('div', { class: 'article-columns' }, markedText(article.text, mentions, lang), list),
    );
    review.hidden = false;
    heading.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    progress.hidden = true;
    const body = { title: title.value.trim(), publishedAt: publishedAt.value, text: text.value };
    if (language.value) body.language = language.value;
    submit.disabled = true;
    try {
      const { sourceId, proposals } = await articleApi.submit(token(), body, key);
      key = newIdempotencyKey();
      progress.textContent = `${proposals.length} dated statements proposed.`;
      progress.hidden = false;
      await showReview(sourceId);
    } catch (error) {
      if (error.status === 401) onRefused(error);
      else showFieldErrors(form, error);
    } finally {
      submit.disabled = false;
    }
  });

  return { element: h('div', { class: 'article-add' }, form, review), focus: () => title.focus() };
}
