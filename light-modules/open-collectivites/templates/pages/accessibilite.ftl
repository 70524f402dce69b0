<#import "../site/layout.ftl" as layout>
<@layout.page title=title canonical="/accessibilite">
<div class="fr-container fr-my-5w">
  <@layout.breadcrumb crumbs=[[title, "/accessibilite"]]/>
  <h1>${title}</h1>
  <p>${i18n("site.a11y.intro")}</p>
  <h2>${i18n("site.a11y.status.title")}</h2>
  <p>${i18n("site.a11y.status.text")}</p>
  <h2>${i18n("site.a11y.results.title")}</h2>
  <p>${i18n("site.a11y.results.text")}</p>
  <h2>${i18n("site.a11y.nonCompliant.title")}</h2>
  <p>${i18n("site.a11y.nonCompliant.text")}</p>
  <h2>${i18n("site.a11y.tech.title")}</h2>
  <p>${i18n("site.a11y.tech.text")}</p>
  <h2>${i18n("site.a11y.feedback.title")}</h2>
  <p>${i18n("site.a11y.feedback.text")}</p>
  <h2>${i18n("site.a11y.recourse.title")}</h2>
  <p>${i18n("site.a11y.recourse.text")}</p>
  <ul>
    <li>${i18n("site.a11y.recourse.1")}</li>
    <li>${i18n("site.a11y.recourse.2")}</li>
    <li>${i18n("site.a11y.recourse.3")}</li>
  </ul>
</div>
</@layout.page>
