<#import "../site/layout.ftl" as layout>
<@layout.page title=title noindex=true>
<div class="fr-container fr-my-7w">
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-8">
      <h1>${title}</h1>
      <p class="fr-text--sm fr-mb-3w">${i18n("site.error.503.code")}</p>
      <p class="fr-text--lead fr-mb-3w">${i18n("site.error.503.lead")}</p>
      <p class="fr-text--sm fr-mb-5w">${i18n("site.error.503.text")}</p>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li><a class="fr-btn" href="/">${i18n("site.error.home")}</a></li>
      </ul>
    </div>
  </div>
</div>
</@layout.page>
