// The part of Discord's markdown BondBot uses: bold, italics, underline, strike, code, quotes, subtext, links,
// user mentions, command mentions (clickable) and timestamps shown in the viewer's own time zone.

const escape = text => text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

function timestamp(seconds, style, zone) {
  const date = new Date(Number(seconds) * 1000);
  if (style === 'R') {
    const minutes = Math.round((date - window.playgroundNow()) / 60000);
    const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
    if (Math.abs(minutes) < 48 * 60) return rtf.format(Math.round(minutes / 60), 'hour');
    return rtf.format(Math.round(minutes / 1440), 'day');
  }
  const formats = {
    t: { timeStyle: 'short' }, T: { timeStyle: 'medium' }, d: { dateStyle: 'short' }, D: { dateStyle: 'long' },
    f: { dateStyle: 'long', timeStyle: 'short' }, F: { dateStyle: 'full', timeStyle: 'short' },
  };
  return new Intl.DateTimeFormat('en-GB', { ...(formats[style] ?? formats.f), timeZone: zone }).format(date);
}

/** Safe HTML for a message or embed text, as the given person would see it. */
export function markdown(text, { people = [], zone = 'UTC' } = {}) {
  if (!text) return '';
  const lines = escape(text).split('\n').map(line => {
    if (line.startsWith('-# ')) return `<small class="subtext">${line.slice(3)}</small>`;
    if (line.startsWith('&gt; ')) return `<span class="quote">${line.slice(5)}</span>`;
    if (line.startsWith('### ')) return `<strong class="h3">${line.slice(4)}</strong>`;
    if (line.startsWith('## ')) return `<strong class="h2">${line.slice(3)}</strong>`;
    if (line.startsWith('# ')) return `<strong class="h1">${line.slice(2)}</strong>`;
    return line;
  });
  return lines.join('<br>')
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/__([^_]+)__/g, '<u>$1</u>')
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/(^|\W)_([^_\s][^_]*)_(?=\W|$)/g, '$1<em>$2</em>')
    .replace(/~~([^~]+)~~/g, '<s>$1</s>')
    .replace(/\|\|([^|]+)\|\|/g, '<span class="spoiler">$1</span>')
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noreferrer">$1</a>')
    .replace(/&lt;@!?(\d+)&gt;/g, (_, id) => `<span class="mention">@${escape(people.find(p => p.id === id)?.name ?? 'someone')}</span>`)
    .replace(/&lt;\/([\w -]+):(\d+)&gt;/g, (_, name) => `<button type="button" class="command-mention" data-command="${name}">/${name}</button>`)
    .replace(/&lt;t:(-?\d+)(?::([tTdDfFR]))?&gt;/g, (_, s, style) => `<time class="stamp">${escape(timestamp(s, style ?? 'f', zone))}</time>`);
}
