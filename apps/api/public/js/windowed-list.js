/* global window */

/** Pages on screen at most: with 50 a page, no more than 150 cards however far one reads. */
export const PAGES_SHOWN = 3;

/**
 * The timeline a page at a time with a bounded DOM: loading a page past PAGES_SHOWN drops the page at the other
 * end, and the cursors of every page fetched so far bring dropped pages back ("Show newer" above, "Load more"
 * below). Page-by-page replacement rather than per-card windowing: cards have no fixed height (quotes wrap), and
 * whole pages keep the year and month headings and the keyset cursors exactly as the API gives them.
 *
 * `fetchPage(cursor)` answers an API page ({ items, nextCursor, total }); `view` is the timeline view.
 */
export function createWindowedList(view, { fetchPage }) {
  let cursors = [undefined]; // cursors[k] fetches page k; null: there is no page k
  let pages = new Map(); // page number → its items, for the pages on screen
  let first = 0;
  let last = -1;
  let total = null;
  let pageSize = 50;
  let generation = 0;

  const render = () => {
    view.reset();
    for (let k = first; k <= last; k += 1) view.append(pages.get(k));
  };

  /** Keeps the first card the reader can see where it is on screen while the list is rebuilt around it. */
  const holdInView = () => {
    const anchor = [...view.cards()].find((card) => card.getBoundingClientRect().bottom > 0);
    if (!anchor) return () => {};
    const { id } = anchor.dataset;
    const top = anchor.getBoundingClientRect().top;
    return () => {
      const again = view.find(id);
      if (again) window.scrollBy(0, again.getBoundingClientRect().top - top);
    };
  };

  const fetchAt = async (k) => {
    const mine = generation;
    const page = await fetchPage(cursors[k]);
    if (mine !== generation) return null; // a newer view was asked for meanwhile
    cursors[k + 1] = page.nextCursor ?? null;
    total = page.total ?? total;
    return page;
  };

  return {
    /** The first page of a new view. Answers the API page, or null when a newer view overtook it. */
    async reset() {
      const mine = ++generation;
      const page = await fetchPage(undefined);
      if (mine !== generation) return null;
      cursors = [undefined, page.nextCursor ?? null];
      pages = new Map([[0, page.items]]);
      [first, last, total, pageSize] = [0, 0, page.total ?? null, Math.max(1, page.items.length)];
      render();
      return page;
    },
    /** The page after the last one on screen; the first on screen is dropped past PAGES_SHOWN. */
    async more() {
      if (!cursors[last + 1]) return null;
      const page = await fetchAt(last + 1);
      if (!page) return null;
      const restore = holdInView();
      last += 1;
      pages.set(last, page.items);
      if (last - first + 1 > PAGES_SHOWN) pages.delete(first++);
      render();
      restore();
      return page;
    },
    /** The page before the first one on screen; the last on screen is dropped past PAGES_SHOWN. */
    async newer() {
      if (first === 0) return null;
      const page = await fetchAt(first - 1);
      if (!page) return null;
      first -= 1;
      pages.set(first, page.items);
      if (last - first + 1 > PAGES_SHOWN) pages.delete(last--);
      render();
      return page;
    },
    hasMore: () => Boolean(cursors[last + 1]),
    hasNewer: () => first > 0,
    /** Which items are on screen: 1-based positions in the whole answer, and how many it has. */
    range() {
      const shown = [...pages.values()].reduce((n, items) => n + items.length, 0);
      return { from: shown ? first * pageSize + 1 : 0, to: first * pageSize + shown, total };
    },
  };
}
