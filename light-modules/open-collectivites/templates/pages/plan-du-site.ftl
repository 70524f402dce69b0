<#import "../site/layout.ftl" as layout>
<@layout.page title=title canonical="/plan-du-site" current="plan-du-site">
<div class="fr-container fr-my-5w">
  <@layout.breadcrumb crumbs=[[title, "/plan-du-site"]]/>
  <h1>${title}</h1>
  <ul>
    <li><a href="/">${i18n("site.nav.home")}</a>
      <ul><li><a href="/recherche">${i18n("site.results.title")}</a></li></ul>
    </li>
    <li><a href="/publications">${i18n("site.publications.title")}</a></li>
    <li><a href="/comparer">${i18n("site.compare.title")}</a></li>
    <li><a href="/accessibilite">${i18n("site.a11y.title")}</a></li>
    <li><a href="/mentions-legales">${i18n("site.legal.title")}</a></li>
    <li><a href="/sitemap.xml">${i18n("site.sitemap.xml")}</a></li>
  </ul>
  <p>${i18n("site.sitemap.fiches")}</p>
</div>
</@layout.page>
