// The "/" menu: every registered command (subcommands listed as "space open", as Discord lists them), then a form
// with the chosen command's options: choices as lists, people as a picker, live autocomplete while typing.

const typeNames = { 3: 'text', 4: 'whole number', 5: 'yes or no', 6: 'person', 7: 'channel', 8: 'role', 10: 'number', 11: 'file' };

/** Flattens registered commands into what a person can run: one entry per command or subcommand. */
export function entries(commands) {
  const list = [];
  for (const c of commands) {
    if ((c.type ?? 1) !== 1) continue;
    const subs = (c.options ?? []).filter(o => o.type === 1 || o.type === 2);
    if (!subs.length) { list.push({ label: c.name, name: c.name, path: [], options: c.options ?? [], description: c.description }); continue; }
    for (const s of subs) {
      if (s.type === 1) list.push({ label: `${c.name} ${s.name}`, name: c.name, path: [s.name], options: s.options ?? [], description: s.description });
      else for (const g of s.options ?? [])
        list.push({ label: `${c.name} ${s.name} ${g.name}`, name: c.name, path: [s.name, g.name], options: g.options ?? [], description: g.description });
    }
  }
  return list.sort((a, b) => a.label.localeCompare(b.label));
}

/** Wraps filled options in their subcommand (and group), as Discord sends them. */
export function optionTree(entry, filled) {
  let tree = filled;
  for (let i = entry.path.length - 1; i >= 0; i--) tree = [{ name: entry.path[i], type: i === entry.path.length - 1 ? 1 : 2, options: tree }];
  return tree;
}

export function renderMenu(menu, list, filter, choose) {
  menu.replaceChildren();
  const shown = list.filter(e => e.label.startsWith(filter) || e.label.includes(filter));
  for (const entry of shown) {
    const item = document.createElement('button');
    item.type = 'button';
    item.className = 'slash-item';
    item.setAttribute('role', 'option');
    item.dataset.command = entry.label;
    item.innerHTML = `<span class="slash-name">/${entry.label}</span><span class="slash-desc"></span>`;
    item.querySelector('.slash-desc').textContent = entry.description ?? '';
    item.addEventListener('click', () => choose(entry));
    menu.append(item);
  }
  menu.hidden = shown.length === 0;
  return shown;
}

/** The option form for one command; ask(options) fetches autocomplete choices. Returns { read() } for sending. */
export function renderOptions(panel, entry, people, ask) {
  panel.replaceChildren();
  const title = document.createElement('div');
  title.className = 'options-title';
  title.textContent = `/${entry.label}`;
  panel.append(title);
  const fields = [];
  for (const option of entry.options) {
    const label = document.createElement('label');
    label.className = 'option';
    const caption = document.createElement('span');
    caption.textContent = `${option.name}${option.required ? ' *' : ''}`;
    caption.title = option.description ?? '';
    const input = inputFor(option, people);
    const help = document.createElement('small');
    help.textContent = `${option.description ?? ''} (${typeNames[option.type] ?? 'value'}${option.required ? ', required' : ', optional'})`;
    label.append(caption, input, help);
    panel.append(label);
    const field = { option, input };
    fields.push(field);
    if (option.autocomplete) attachAutocomplete(field, label, () => read(fields, field), ask);
  }
  if (!entry.options.length) {
    const none = document.createElement('small');
    none.textContent = 'No options: press Send.';
    panel.append(none);
  }
  panel.hidden = false;
  return { read: () => read(fields, null), first: fields[0]?.input };
}

function inputFor(option, people) {
  if (option.choices?.length || option.type === 5 || option.type === 6) {
    const list = document.createElement('select');
    list.append(new Option(option.required ? 'Choose…' : '(leave out)', ''));
    const choices = option.type === 5 ? [{ name: 'yes', value: 'true' }, { name: 'no', value: 'false' }]
      : option.type === 6 ? people.map(p => ({ name: p.name, value: p.id }))
      : option.choices;
    for (const c of choices) list.append(new Option(c.name, String(c.value)));
    list.dataset.option = option.name;
    return list;
  }
  const input = document.createElement('input');
  input.type = option.type === 4 || option.type === 10 ? 'number' : 'text';
  input.dataset.option = option.name;
  if (option.max_length) input.maxLength = option.max_length;
  return input;
}

function read(fields, focused) {
  return fields
    .map(({ option, input }) => ({ option, value: input.dataset.value ?? input.value, focused: focused?.input === input }))
    .filter(f => f.value !== '' || f.focused)
    .map(f => ({ name: f.option.name, type: f.option.type, value: f.value, ...(f.focused ? { focused: true } : {}) }));
}

function attachAutocomplete(field, label, readFocused, ask) {
  const list = document.createElement('div');
  list.className = 'autocomplete';
  list.setAttribute('role', 'listbox');
  label.append(list);
  let timer;
  let latest = 0;   // answers can overtake each other: only the one for the latest text may draw
  field.input.addEventListener('input', () => {
    delete field.input.dataset.value;   // typed text is the value until a suggestion is picked
    clearTimeout(timer);
    const ticket = ++latest;
    timer = setTimeout(async () => {
      const choices = await ask(readFocused());
      if (ticket !== latest) return;
      list.replaceChildren(...choices.map(c => {
        const pick = document.createElement('button');
        pick.type = 'button';
        pick.className = 'choice';
        pick.textContent = c.name;
        pick.addEventListener('click', () => { ++latest; field.input.value = c.name; field.input.dataset.value = String(c.value); list.replaceChildren(); });
        return pick;
      }));
    }, 200);
  });
}
