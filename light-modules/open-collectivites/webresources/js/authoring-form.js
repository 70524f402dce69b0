// Authoring forms: progressive enhancement only; without this script every form still works.
// - Rich text: a textarea[data-oc-richtext] becomes a Quill 2 editor (window.Quill, webresources/quill/)
//   with the toolbar the template rendered (French labels; only what the server's sanitiser keeps). The
//   textarea stays in the form, hidden, and receives the editor's semantic HTML, which the server
//   sanitises again on save.
// - Reference search: Enter in a search field runs that field's search, not the form's first button.
// - Territory pickers: the list of territories found fills as one types, from the site's search API
//   (the « Rechercher » button does the same on the server); « Choisir » / « Ajouter » then re-renders.
(() => {
  const fieldsWithEditor = [];

  function semanticHtml(quill) {
    if (quill.getLength() <= 1) {
      return '';
    }
    // Quill 2.0.3 writes every space as &nbsp; in getSemanticHTML: give the text back its normal spaces
    return quill.getSemanticHTML().replaceAll('&nbsp;', ' ');
  }

  function linkHandler(toolbar) {
    return function link(value) {
      if (!value) {
        this.quill.format('link', false, 'user');
        return;
      }
      const range = this.quill.getSelection(true);
      const current = this.quill.getFormat(range).link || 'https://';
      const url = window.prompt(toolbar.dataset.linkPrompt, current);
      if (url === null) {
        return;
      }
      const trimmed = url.trim();
      if (!trimmed || trimmed === 'https://') {
        this.quill.format('link', false, 'user');
      } else if (/^(https?:|mailto:)/i.test(trimmed)) {
        if (range.length === 0) {
          this.quill.insertText(range.index, trimmed, { link: trimmed }, 'user');
        } else {
          this.quill.format('link', trimmed, 'user');
        }
      }
    };
  }

  // ARIA toolbar pattern: arrow keys move between the buttons
  function arrowKeys(toolbar) {
    toolbar.addEventListener('keydown', (event) => {
      const buttons = [...toolbar.querySelectorAll('button')];
      const index = buttons.indexOf(document.activeElement);
      if (index < 0) {
        return;
      }
      let next = null;
      if (event.key === 'ArrowRight') next = buttons[(index + 1) % buttons.length];
      if (event.key === 'ArrowLeft') next = buttons[(index - 1 + buttons.length) % buttons.length];
      if (event.key === 'Home') next = buttons[0];
      if (event.key === 'End') next = buttons[buttons.length - 1];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    });
  }

  function dropped() {
    const Delta = window.Quill.import('delta');
    return new Delta();
  }

  function enhance(textarea) {
    const toolbar = document.getElementById(textarea.id + '-outils');
    if (!toolbar || !window.Quill) {
      return;
    }
    const holder = document.createElement('div');
    holder.className = 'oc-rte__editor';
    holder.id = textarea.id + '-editeur';
    textarea.insertAdjacentElement('beforebegin', holder);
    toolbar.hidden = false;
    const quill = new window.Quill(holder, {
      formats: ['bold', 'italic', 'header', 'list', 'link'],
      modules: {
        // pasted script and style elements are dropped whole (Quill would keep their text)
        clipboard: { matchers: [['SCRIPT', dropped], ['STYLE', dropped], ['NOSCRIPT', dropped], ['TEMPLATE', dropped]] },
        toolbar: { container: toolbar, handlers: { link: linkHandler(toolbar) } },
        // Tab leaves the editor (no keyboard trap): Quill's tab and indent bindings are removed
        keyboard: { bindings: { tab: null, indent: null, outdent: null, 'remove tab': null } },
      },
    });
    const root = quill.root;
    root.setAttribute('role', 'textbox');
    root.setAttribute('aria-multiline', 'true');
    root.setAttribute('aria-label', toolbar.dataset.editorLabel);
    for (const name of ['aria-describedby', 'aria-invalid', 'aria-required']) {
      if (textarea.hasAttribute(name)) {
        root.setAttribute(name, textarea.getAttribute(name));
      }
    }
    if (textarea.value.trim()) {
      // setContents, not dangerouslyPasteHTML: that one also moves the selection, so the focus, into the editor
      quill.setContents(quill.clipboard.convert({ html: textarea.value, text: '' }), 'silent');
    }
    quill.history.clear();
    textarea.hidden = true;
    textarea.setAttribute('aria-hidden', 'true');
    textarea.tabIndex = -1;
    const label = document.querySelector(`label[for="${textarea.id}"]`);
    if (label) {
      label.addEventListener('click', () => quill.focus());
    }
    quill.on('text-change', () => {
      textarea.value = semanticHtml(quill);
    });
    arrowKeys(toolbar);
    fieldsWithEditor.push({ textarea, quill });
  }

  document.querySelectorAll('textarea[data-oc-richtext]').forEach(enhance);

  document.querySelectorAll('form').forEach((form) => {
    form.addEventListener('submit', () => {
      for (const { textarea, quill } of fieldsWithEditor) {
        if (form.contains(textarea)) {
          textarea.value = semanticHtml(quill);
        }
      }
    });
  });

  const SEARCH_API = '/.rest/open-collectivites/v1/search';
  const TERRITORY_TYPES = ['commune', 'epci', 'departement', 'region'];
  const format = (pattern, ...values) => (pattern || '').replace(/\{(\d)\}/g, (match, i) => values[Number(i)] ?? '');

  function territoryOption(select, hit, index) {
    const option = document.createElement('option');
    option.value = `${hit.type}:${hit.code}`;
    const level = select.dataset[`level${hit.type.charAt(0).toUpperCase()}${hit.type.slice(1)}`] || hit.type;
    const where = hit.departementNom && hit.type !== 'departement' ? format(select.dataset.in, hit.departementNom) : '';
    option.textContent = format(select.dataset.label, hit.nom, level, hit.code) + where;
    option.selected = index === 0;
    return option;
  }

  function territorySearch(input) {
    const select = document.getElementById(input.dataset.ocTerritoryResults);
    const status = document.getElementById(input.dataset.ocTerritoryStatus);
    const group = select?.closest('.fr-select-group');
    if (!select || !status || !group) {
      return;
    }
    let timer = null;
    let request = null;
    async function run(q) {
      request?.abort();
      request = new AbortController();
      try {
        const types = TERRITORY_TYPES.map((type) => `&type=${type}`).join('');
        const response = await fetch(`${SEARCH_API}?q=${encodeURIComponent(q)}&limit=12${types}`,
          { signal: request.signal, headers: { Accept: 'application/json' } });
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        const body = await response.json();
        if (input.value.trim() !== q) {
          return;
        }
        // communes déléguées and associées have no fiche of their own
        const hits = (body.results || []).filter((hit) => !hit.typecom || hit.typecom === 'COM' || hit.typecom === 'ARM');
        select.replaceChildren(...hits.map((hit, index) => territoryOption(select, hit, index)));
        group.hidden = hits.length === 0;
        status.textContent = hits.length ? format(status.dataset.count, hits.length) : format(status.dataset.none, q);
      } catch (e) {
        if (e.name !== 'AbortError') {
          status.textContent = status.dataset.error;
        }
      }
    }
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length >= 2) {
        timer = setTimeout(() => run(q), 200);
      }
    });
  }

  document.querySelectorAll('input[data-oc-territory-results]').forEach(territorySearch);

  document.querySelectorAll('input[data-oc-search]').forEach((input) => {
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        document.getElementById(input.dataset.ocSearch)?.click();
      }
    });
  });
})();
