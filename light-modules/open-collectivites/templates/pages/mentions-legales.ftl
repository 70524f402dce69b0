<#import "../site/layout.ftl" as layout>
<@layout.page title=title canonical="/mentions-legales">
<div class="fr-container fr-my-5w">
  <@layout.breadcrumb crumbs=[[title, "/mentions-legales"]]/>
  <h1>${title}</h1>
  <h2>${i18n("site.legal.publisher.title")}</h2>
  <p>${i18n("site.legal.publisher.text")}</p>
  <h2>${i18n("site.legal.director.title")}</h2>
  <p>${i18n("site.legal.director.text")}</p>
  <h2>${i18n("site.legal.hosting.title")}</h2>
  <p>${i18n("site.legal.hosting.text")}</p>
  <h2>${i18n("site.legal.data.title")}</h2>
  <p>${i18n("site.legal.data.text")}</p>
  <h2 id="donnees-personnelles">${i18n("site.legal.privacy.title")}</h2>
  <p>${i18n("site.legal.privacy.text")}</p>
  <h2 id="cookies">${i18n("site.legal.cookies.title")}</h2>
  <p>${i18n("site.legal.cookies.text")}</p>
  <h2>${i18n("site.legal.licence.title")}</h2>
  <p>${i18n("site.legal.licence.text")}</p>
</div>
</@layout.page>
