// A modal the bot opened, drawn from its components: labelled text inputs (type 18 around type 4), legacy rows of
// text inputs, and text displays. Discord's own length and required checks apply before it can be submitted.

export function showModal(dialog, modal, submit) {
  dialog.replaceChildren();
  const form = document.createElement('form');
  form.method = 'dialog';
  const title = document.createElement('h2');
  title.textContent = modal.title;
  form.append(title);
  for (const item of modal.components) {
    if (item.type === 10) {
      const text = document.createElement('p');
      text.textContent = item.content;
      form.append(text);
      continue;
    }
    const input = item.type === 18 ? item.component : item.components[0];
    if (input.type !== 4) continue;
    const label = document.createElement('label');
    const caption = document.createElement('span');
    caption.textContent = `${item.label ?? input.label ?? input.custom_id}${input.required === false ? '' : ' *'}`;
    label.append(caption);
    if (item.description) {
      const help = document.createElement('small');
      help.textContent = item.description;
      label.append(help);
    }
    const field = document.createElement(input.style === 2 ? 'textarea' : 'input');
    field.name = input.custom_id;
    field.value = input.value ?? '';
    field.placeholder = input.placeholder ?? '';
    field.required = input.required !== false;
    if (input.min_length) field.minLength = input.min_length;
    if (input.max_length) field.maxLength = input.max_length;
    label.append(field);
    form.append(label);
  }
  const buttons = document.createElement('div');
  buttons.className = 'modal-buttons';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  cancel.addEventListener('click', () => dialog.close());
  const send = document.createElement('button');
  send.type = 'submit';
  send.className = 'button primary';
  send.textContent = 'Submit';
  buttons.append(cancel, send);
  form.append(buttons);
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const values = Object.fromEntries([...form.querySelectorAll('input[name], textarea[name]')].map(f => [f.name, f.value]));
    dialog.close();
    submit(values);
  });
  dialog.append(form);
  dialog.showModal();
  form.querySelector('input, textarea')?.focus();
}
