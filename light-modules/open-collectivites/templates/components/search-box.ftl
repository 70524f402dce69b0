<#-- The collectivité search box. Without JavaScript a plain GET form to /recherche; site.js turns the
     input into an ARIA 1.2 combobox (listbox of suggestions, live announcements). -->
<#macro searchBox id="q" value="" large=true>
<form action="/recherche" method="get" role="search" class="oc-search">
  <label class="fr-label" for="${id}">${i18n("site.search.label")}
    <span class="fr-hint-text" id="${id}-hint">${i18n("site.search.hint")}</span>
  </label>
  <div class="fr-search-bar<#if large> fr-search-bar--lg</#if> oc-combobox">
    <input class="fr-input" type="search" id="${id}" name="q" value="${value}" autocomplete="off"
           aria-describedby="${id}-hint" data-oc-autocomplete="navigate" data-oc-listbox="${id}-suggestions" data-oc-status="${id}-status">
    <button class="fr-btn<#if large> fr-btn--lg</#if>" type="submit" title="${i18n("site.search.button")}">${i18n("site.search.button")}</button>
    <ul class="oc-combobox__listbox" id="${id}-suggestions" role="listbox" aria-label="${i18n("site.search.suggestions")}" hidden></ul>
  </div>
  <div class="fr-sr-only" id="${id}-status" role="status" aria-live="polite" aria-atomic="true"></div>
</form>
</#macro>
