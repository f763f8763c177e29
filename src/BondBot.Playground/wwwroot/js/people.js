// The person switcher with each person's local time, and the dialog to rename people or move them to another zone.
import { post } from './api.js';
import { redrawKeyed } from './keyed.js';

export function renderPeople(nav, state, unread, switchTo) {
  redrawKeyed(nav, state.people, {
    key: p => p.key,
    draw: p => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.person = p.key;
      button.innerHTML = '<span class="person-name"></span><span class="person-time"></span>';
      button.addEventListener('click', () => switchTo(p.key));
      return button;
    },
    update: (button, p) => {
      button.className = p.key === state.person ? 'person current' : 'person';
      button.setAttribute('aria-pressed', String(p.key === state.person));
      button.querySelector('.person-name').textContent = p.name + (unread(p.key) ? ' •' : '');
      button.querySelector('.person-time').textContent = p.localTime;
    },
  });
}

export function editPeople(dialog, state, done) {
  dialog.replaceChildren();
  const form = document.createElement('form');
  form.innerHTML = '<h2>People</h2><p>Names and home time zones for the page. BondBot learns a time zone only when that person uses /settings, as on Discord.</p>';
  for (const p of state.people) {
    const row = document.createElement('fieldset');
    row.innerHTML = '<legend></legend><label>Name <input name="name" maxlength="32"></label><label>Time zone <select name="zone"></select></label>';
    row.querySelector('legend').textContent = p.name;
    row.querySelector('input').value = p.name;
    const zones = row.querySelector('select');
    for (const z of new Set([p.zone, ...state.zones])) zones.append(new Option(z, z, false, z === p.zone));
    row.dataset.key = p.key;
    form.append(row);
  }
  const buttons = document.createElement('div');
  buttons.className = 'modal-buttons';
  buttons.innerHTML = '<button type="button" class="cancel">Cancel</button><button type="submit" class="button primary">Save</button>';
  buttons.querySelector('.cancel').addEventListener('click', () => dialog.close());
  form.append(buttons);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    for (const row of form.querySelectorAll('fieldset'))
      await post('person', { key: row.dataset.key, name: row.querySelector('input').value, zone: row.querySelector('select').value });
    dialog.close();
    done();
  });
  dialog.append(form);
  dialog.showModal();
}
