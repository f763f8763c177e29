// Redraws a list while keeping the nodes of items that did not change. The page redraws whenever the bot does
// something; a node replaced between a mousedown and its mouseup gets no click, so a person's press on a button
// (Accept, a person, a channel) could vanish if the list were rebuilt under it.
//   key(item)        what identifies the item (a message id, a person, a channel)
//   draw(item)       a new node for the item
//   sign(item)       everything its node shows; a node whose signature changed is drawn anew
//   update(node, i)  small changes made in place on a kept node (a class, a badge)
const signatures = new WeakMap();

export function redrawKeyed(container, items, { key, draw, sign = () => '', update = () => {} }) {
  const kept = new Map([...container.children].map(node => [node.dataset.key, node]));
  const wanted = items.map(item => {
    const id = String(key(item));
    const signature = sign(item);
    let node = kept.get(id);
    if (!node || signatures.get(node) !== signature) {
      node = draw(item);
      node.dataset.key = id;
      signatures.set(node, signature);
    }
    update(node, item);
    return node;
  });
  // Only what moved is moved: nodes already in place are not touched.
  wanted.forEach((node, i) => {
    if (container.children[i] !== node) container.insertBefore(node, container.children[i] ?? null);
  });
  while (container.children.length > wanted.length) container.lastElementChild.remove();
}
