// The playground page: who you are, where you are looking, and everything you do, sent to the local Discord.
import { getState, getMessages, post, listen } from './api.js';
import { renderMessage } from './render.js';
import { entries, optionTree, renderMenu, renderOptions } from './slash.js';
import { showModal } from './modal.js';
import { renderPeople, editPeople } from './people.js';
import { redrawKeyed } from './keyed.js';

const $ = id => document.getElementById(id);
const view = { person: 'sam', channel: null, state: null, seen: {}, command: null, form: null };
window.playgroundNow = () => new Date(view.state?.now ?? Date.now());

const me = () => view.state.people.find(p => p.key === view.state.person);
const counts = state => [...state.channels.map(c => [c.id, c.count]), [state.dm.id, state.dm.count]];

function notice(text) {
  const box = $('notice');
  box.textContent = text ?? '';
  box.hidden = !text;
}

// Refreshes overlap too (a live change, a switch of person): only the latest may draw, or a slow answer for the
// person just left would put their name back at the top.
let latestRefresh = 0;

async function refresh() {
  const ticket = ++latestRefresh;
  const state = await getState(view.person);
  if (ticket !== latestRefresh) return;
  view.state = state;
  const ids = counts(state).map(([id]) => id);
  if (!view.channel || !ids.includes(view.channel)) view.channel = state.channels.find(c => c.name === 'general')?.id ?? state.dm.id;
  $('server-name').textContent = state.server;
  $('me-name').textContent = me().name;
  $('clock').textContent = view.travelling ? 'Travelling…' : `${me().name}'s time: ${me().localTime}`;
  $('skip-checkin').textContent = `Skip to ${me().name}'s check-in`;
  renderPeople($('people'), state, () => false, switchTo);
  const seen = view.seen[view.person] ??= {};
  const channelList = cls => ({
    key: c => c.id,
    draw: c => {
      const li = document.createElement('li');
      const link = document.createElement('button');
      link.type = 'button';
      link.dataset.channel = c.id;
      link.addEventListener('click', () => { view.channel = c.id; notice(); refresh(); });
      li.append(link);
      return li;
    },
    update: (li, c) => {
      const link = li.firstElementChild;
      link.className = `channel ${cls}${c.id === view.channel ? ' current' : ''}`;
      link.textContent = c.label;
      const fresh = c.count - (seen[c.id] ?? 0);
      if (fresh > 0 && c.id !== view.channel) link.insertAdjacentHTML('beforeend', ` <span class="badge" aria-label="new messages">${fresh}</span>`);
    },
  });
  redrawKeyed($('channels'), state.channels.map(c => ({ id: c.id, label: `${c.private ? '🔒' : '#'} ${c.name}`, count: c.count })), channelList('text'));
  redrawKeyed($('dms'), [{ id: state.dm.id, label: '🤖 BondBot', count: state.dm.count }], channelList('dm'));
  await showMessages();
}

// Refreshes overlap (a live change, a click): only the latest request may draw, or a slow answer for the view just
// left would paint over the one just opened.
let latestShow = 0;

async function showMessages() {
  const ticket = ++latestShow;
  const data = await getMessages(view.person, view.channel === view.state.dm.id ? 'dm' : view.channel);
  if (ticket !== latestShow || !data.messages) return;
  const channel = view.state.channels.find(c => c.id === view.channel);
  $('chat-title').textContent = data.dm ? '@BondBot' : `# ${data.name}`;
  $('chat-topic').textContent = channel?.topic ?? (data.dm ? `${me().name}'s direct messages with BondBot` : '');
  const list = $('messages');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const ctx = { people: view.state.people, zone: me().zone };
  // What a message's drawing depends on besides itself: names, the viewer's zone, and "now" for relative times.
  const around = JSON.stringify([ctx.zone, ctx.people.map(p => [p.key, p.name])]);
  redrawKeyed(list, data.messages, {
    key: m => m.id,
    draw: m => renderMessage(m, ctx, act),
    sign: m => {
      const own = JSON.stringify(m);
      return around + own + (own.includes(':R>') ? view.state.now : '');
    },
  });
  (view.seen[view.person] ??= {})[view.channel] = data.messages.length;
  if (atBottom || view.scrollNext) list.scrollTop = list.scrollHeight;
  view.scrollNext = false;
}

function switchTo(person) {
  view.person = person;
  view.channel = null;
  notice();
  closeCommand();
  refresh();
}

// Every action answers with ok, a modal to show, or an error shown right here above the message box.
async function act(kind, body, source) {
  notice();
  if (source) source.disabled = true;
  const result = await post(kind, { person: view.person, channel: channelKey(), ...body });
  if (source) source.disabled = false;
  view.scrollNext = true;
  if (!result.ok) notice(result.error);
  else if (result.modal) showModal($('modal'), result.modal, values => act('modal', { interactionId: result.interactionId, values }));
  await refresh();
  return result;
}

const channelKey = () => (view.channel === view.state.dm.id ? 'dm' : view.channel);

function closeCommand() {
  view.command = null;
  view.form = null;
  $('options').hidden = true;
  $('slash-menu').hidden = true;
  $('box').value = '';
  $('box').placeholder = 'Type / for BondBot\'s commands';
}

function chooseCommand(entry) {
  view.command = entry;
  $('slash-menu').hidden = true;
  $('box').value = `/${entry.label}`;
  $('box').placeholder = '';
  view.form = renderOptions($('options'), entry, view.state.people,
    async options => (await post('autocomplete', { person: view.person, channel: channelKey(), name: entry.name, options: optionTree(entry, options) })).choices ?? []);
  const send = document.createElement('button');
  send.type = 'submit';
  send.className = 'button primary';
  send.textContent = `Send /${entry.label}`;
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  cancel.addEventListener('click', closeCommand);
  const buttons = document.createElement('div');
  buttons.className = 'options-buttons';
  buttons.append(cancel, send);
  $('options').append(buttons);
  (view.form.first ?? $('box')).focus();
}

$('box').addEventListener('input', () => {
  const text = $('box').value;
  if (text.startsWith('/') && !view.command) renderMenu($('slash-menu'), entries(view.state.commands), text.slice(1).trim(), chooseCommand);
  else if (!text.startsWith('/')) { $('slash-menu').hidden = true; if (view.command) closeCommand(); }
});

$('composer').addEventListener('submit', async event => {
  event.preventDefault();
  if (view.command) {
    const entry = view.command;
    const options = optionTree(entry, view.form.read());
    closeCommand();
    await act('command', { name: entry.name, options });
    return;
  }
  const text = $('box').value.trim();
  if (!text) return;
  if (text.startsWith('/')) {
    const match = entries(view.state.commands).find(e => e.label === text.slice(1).trim());
    if (match) chooseCommand(match); else notice(`There is no command ${text}. Type / to see them all.`);
    return;
  }
  $('box').value = '';
  await act('say', { content: text });
});

// A command named in a message (</question:id>) opens that command, as clicking one on Discord does.
$('messages').addEventListener('click', event => {
  const name = event.target.closest('.command-mention')?.dataset.command;
  if (!name) return;
  const match = entries(view.state.commands).find(e => e.label === name) ?? entries(view.state.commands).find(e => e.name === name);
  if (match) chooseCommand(match);
});

for (const button of document.querySelectorAll('[data-travel]'))
  button.addEventListener('click', async () => {
    const buttons = document.querySelectorAll('.time button');
    buttons.forEach(b => { b.disabled = true; });
    view.travelling = true;
    $('clock').textContent = 'Travelling…';
    const result = await post('time', { action: button.dataset.travel, person: view.person });
    view.travelling = false;
    buttons.forEach(b => { b.disabled = false; });
    if (!result.ok) notice(result.error);
    view.scrollNext = true;
    await refresh();
  });

$('edit-people').addEventListener('click', () => editPeople($('people-dialog'), view.state, refresh));

let resetArmed = false;
$('reset').addEventListener('click', async () => {
  if (!resetArmed) {
    resetArmed = true;
    $('reset').textContent = 'Click again to start over';
    setTimeout(() => { resetArmed = false; $('reset').textContent = 'Reset'; }, 4000);
    return;
  }
  resetArmed = false;
  $('reset').textContent = 'Starting over…';
  $('reset').disabled = true;
  await post('reset');
  view.seen = {};
  $('reset').textContent = 'Reset';
  $('reset').disabled = false;
  switchTo(view.person);
});

// One refresh at a time; a change during a refresh earns one more, so nothing the bot did is missed.
let running = false;
let again = false;
async function onChange() {
  if (running) { again = true; return; }
  running = true;
  do { again = false; await refresh(); } while (again);
  running = false;
}
listen(onChange, () => { view.seen = {}; switchTo(view.person); });

document.addEventListener('keydown', event => { if (event.key === 'Escape' && view.command) closeCommand(); });
refresh();
