// Messages as Discord draws them: author line, content, embeds, attachments, buttons and select menus, with the
// "Only you can see this" footer on ephemeral replies. Actions are reported to the caller, never sent from here.
import { markdown } from './markdown.js';

const el = (tag, cls, html) => {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (html !== undefined) node.innerHTML = html;
  return node;
};

const emoji = e => (e?.name && !e.id ? `${e.name} ` : '');
const buttonStyles = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'secondary' };

function embed(data, ctx) {
  const box = el('div', 'embed');
  if (data.color !== undefined) box.style.borderLeftColor = `#${data.color.toString(16).padStart(6, '0')}`;
  if (data.author?.name) box.append(el('div', 'embed-author', markdown(data.author.name, ctx)));
  if (data.title) box.append(el('div', 'embed-title', markdown(data.title, ctx)));
  if (data.description) box.append(el('div', 'embed-description', markdown(data.description, ctx)));
  if (data.fields?.length) {
    const fields = el('div', 'embed-fields');
    for (const f of data.fields) {
      const field = el('div', f.inline ? 'embed-field inline' : 'embed-field');
      field.append(el('div', 'embed-field-name', markdown(f.name, ctx)), el('div', 'embed-field-value', markdown(f.value, ctx)));
      fields.append(field);
    }
    box.append(fields);
  }
  if (data.image?.url) box.append(el('div', 'embed-image', `🖼️ ${markdown(data.image.url.replace('attachment://', ''), ctx)}`));
  if (data.footer?.text) box.append(el('div', 'embed-footer', markdown(data.footer.text, ctx)));
  return box;
}

function button(data, message, act) {
  const label = `${emoji(data.emoji)}${data.label ?? ''}`.trim();
  if (data.style === 5) {
    const link = el('a', 'button link', `${label} ↗`);
    link.href = data.url; link.target = '_blank'; link.rel = 'noreferrer';
    return link;
  }
  const node = el('button', `button ${buttonStyles[data.style] ?? 'secondary'}`);
  node.type = 'button';
  node.textContent = label;
  node.disabled = !!data.disabled;
  node.addEventListener('click', () => act('click', { messageId: message.id, customId: data.custom_id }, node));
  return node;
}

function select(data, message, act) {
  const wrap = el('div', 'select');
  const multiple = (data.max_values ?? 1) > 1;
  const list = el('select');
  list.disabled = !!data.disabled;
  list.multiple = multiple;
  list.setAttribute('aria-label', data.placeholder ?? 'Choose');
  if (!multiple) list.append(new Option(data.placeholder ?? 'Make a selection', '', true, true));
  for (const o of data.options ?? []) list.append(new Option(`${emoji(o.emoji)}${o.label}`, o.value, false, !!o.default && multiple));
  if (!multiple) list.options[0].disabled = true;
  const send = () => act('select', { messageId: message.id, customId: data.custom_id, values: [...list.selectedOptions].map(o => o.value).filter(Boolean) }, list);
  wrap.append(list);
  if (multiple) {
    const done = el('button', 'button primary');
    done.type = 'button';
    done.textContent = 'Done choosing';
    done.addEventListener('click', send);
    wrap.append(done);
  } else list.addEventListener('change', send);
  return wrap;
}

function components(rows, message, act) {
  const box = el('div', 'components');
  for (const row of rows) {
    const line = el('div', 'row');
    for (const c of row.components ?? []) line.append(c.type === 2 ? button(c, message, act) : select(c, message, act));
    box.append(line);
  }
  return box;
}

/** One message as a list item; ctx = { people, zone }, act(kind, body, sourceElement). */
export function renderMessage(message, ctx, act) {
  const item = el('li', message.flags & 64 ? 'message ephemeral' : 'message');
  item.dataset.id = message.id;
  if (message.command?.name) item.append(el('div', 'used', `${markdown(message.command.user)} used <span class="command-name">/${message.command.name}</span>`));
  const head = el('div', 'head');
  const author = message.author;
  head.append(el('span', 'avatar', author.username[0]), el('span', 'author', markdown(author.username)));
  if (author.bot) head.append(el('span', 'bot-tag', 'APP'));
  head.append(el('span', 'when', message.shownTime), ...(message.edited ? [el('span', 'edited', '(edited)')] : []));
  item.append(head);
  const empty = !message.content && !message.embeds.length && !message.components.length && !message.attachments.length;
  if (empty) item.append(el('div', 'content thinking', 'BondBot is thinking…'));
  if (message.content) item.append(el('div', 'content', markdown(message.content, ctx)));
  for (const e of message.embeds) item.append(embed(e, ctx));
  for (const a of message.attachments) item.append(el('div', 'attachment', `📎 ${markdown(a.filename)}${a.description ? ` — ${markdown(a.description)}` : ''}`));
  if (message.components.length) item.append(components(message.components, message, act));
  if (message.flags & 64) item.append(el('div', 'only-you', '👁 Only you can see this'));
  return item;
}
