// Open Collectivités: progressive enhancement of the search inputs into ARIA 1.2 comboboxes
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/).
// Without this script every form still works: the search box submits to /recherche, the compare form
// sends the typed names, resolved by the server.
const API = '/.rest/open-collectivites/v1/search';
const LIMIT = 8;
const DELAY_MS = 150;

const messages = (() => {
  try {
    return JSON.parse(document.getElementById('oc-messages')?.textContent || '{}');
  } catch (e) {
    return {};
  }
})();
const text = (key, value) => (messages[key] || '').replace('{0}', value ?? '');

class Combobox {
  constructor(input) {
    this.input = input;
    this.mode = input.dataset.ocAutocomplete; // "navigate" (go to the fiche) or "select" (fill a form field)
    this.listbox = document.getElementById(input.dataset.ocListbox);
    this.status = document.getElementById(input.dataset.ocStatus);
    this.hits = [];
    this.active = -1;
    this.timer = null;
    this.request = null;
    this.name = input.getAttribute('name') || 'c';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', this.listbox.id);
    input.addEventListener('input', () => this.typed());
    input.addEventListener('keydown', (event) => this.key(event));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    this.listbox.addEventListener('mousedown', (event) => event.preventDefault());
    this.listbox.addEventListener('click', (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) {
        this.choose(Number(option.dataset.index));
      }
    });
  }

  typed() {
    if (this.mode === 'select') {
      this.unselect();
    }
    clearTimeout(this.timer);
    const q = this.input.value.trim();
    if (q.length < 2) {
      this.show([]);
      return;
    }
    this.timer = setTimeout(() => this.fetch(q), DELAY_MS);
  }

  async fetch(q) {
    this.request?.abort();
    this.request = new AbortController();
    try {
      const response = await fetch(`${API}?q=${encodeURIComponent(q)}&limit=${LIMIT}`,
        { signal: this.request.signal, headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const body = await response.json();
      if (this.input.value.trim() === q) {
        this.show(body.results || []);
      }
    } catch (e) {
      if (e.name !== 'AbortError') {
        this.show([]);
        this.announce(text('error'));
      }
    }
  }

  show(hits) {
    this.hits = hits;
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.listbox.replaceChildren(...hits.map((hit, index) => this.option(hit, index)));
    const open = hits.length > 0;
    this.listbox.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (this.input.value.trim().length >= 2) {
      this.announce(hits.length === 0 ? text('none') : hits.length === 1 ? text('one') : text('many', hits.length));
    }
  }

  option(hit, index) {
    const li = document.createElement('li');
    li.id = `${this.listbox.id}-${index}`;
    li.className = 'oc-combobox__option';
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.dataset.index = String(index);
    li.append(document.createTextNode(hit.nom));
    const detail = document.createElement('span');
    detail.className = 'oc-combobox__detail';
    const where = hit.departementNom && hit.type !== 'departement' ? ` · ${hit.departementNom} (${hit.departement})` : '';
    detail.textContent = `${text(`level.${hit.type}`)} · ${hit.code}${where}`;
    li.append(detail);
    return li;
  }

  key(event) {
    const open = !this.listbox.hidden;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open && this.hits.length) {
          this.open();
        }
        this.move(this.active + 1 >= this.hits.length ? 0 : this.active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open && this.hits.length) {
          this.open();
        }
        this.move(this.active <= 0 ? this.hits.length - 1 : this.active - 1);
        break;
      case 'Enter':
        if (open && this.active >= 0) {
          event.preventDefault();
          this.choose(this.active);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = '';
          this.typed();
        }
        break;
      case 'Tab':
        this.close();
        break;
      default:
    }
  }

  open() {
    this.listbox.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  close() {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
    this.listbox.querySelectorAll('[aria-selected="true"]').forEach((o) => o.setAttribute('aria-selected', 'false'));
  }

  move(index) {
    if (!this.hits.length) {
      return;
    }
    const options = this.listbox.querySelectorAll('[role="option"]');
    options.forEach((o) => o.setAttribute('aria-selected', 'false'));
    this.active = index;
    const option = options[index];
    option.setAttribute('aria-selected', 'true');
    option.scrollIntoView({ block: 'nearest' });
    this.input.setAttribute('aria-activedescendant', option.id);
  }

  choose(index) {
    const hit = this.hits[index];
    if (!hit) {
      return;
    }
    this.close();
    if (this.mode === 'navigate') {
      this.input.value = hit.nom;
      this.announce(text('selected', hit.nom));
      window.location.assign(hit.pagePath);
      return;
    }
    this.input.value = hit.nom;
    this.select(hit.pagePath.replace(/^\//, ''));
    this.announce(text('selected', hit.nom));
  }

  // In a form: the visible field keeps the name, a hidden field carries the exact choice.
  select(token) {
    this.input.removeAttribute('name');
    this.input.dataset.ocToken = token;
    let hidden = this.hidden();
    if (!hidden) {
      hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = this.name;
      this.input.after(hidden);
    }
    hidden.value = token;
  }

  unselect() {
    if (this.input.dataset.ocToken) {
      delete this.input.dataset.ocToken;
      this.hidden()?.remove();
      this.input.setAttribute('name', this.name);
    }
  }

  hidden() {
    const next = this.input.nextElementSibling;
    return next && next.type === 'hidden' ? next : null;
  }

  announce(message) {
    if (this.status && message) {
      this.status.textContent = message;
    }
  }
}

document.querySelectorAll('[data-oc-autocomplete]').forEach((input) => new Combobox(input));
