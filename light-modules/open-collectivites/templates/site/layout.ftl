<#-- The DSFR page frame: skip links, header (Marianne, "République française", navigation, search),
     main content, footer with the mandatory links, display settings (light/dark theme).
     Works without JavaScript; the DSFR module/nomodule scripts and site.js enhance it. -->
<#macro page title description="" canonical="" jsonLd="" ogType="website" current="" noindex=false>
<!doctype html>
<html lang="fr" data-fr-scheme="system">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="format-detection" content="telephone=no,date=no,address=no,email=no,url=no">
  <meta name="theme-color" content="#000091">
  <title>${title} — ${i18n("site.name")}</title>
  <#if description?has_content><meta name="description" content="${description}"></#if>
  <#if noindex || draftPreview??><meta name="robots" content="noindex"></#if>
  <#if canonical?has_content><link rel="canonical" href="${base}${canonical}"></#if>
  <meta property="og:site_name" content="${i18n("site.name")}">
  <meta property="og:locale" content="fr_FR">
  <meta property="og:type" content="${ogType}">
  <meta property="og:title" content="${title}">
  <#if description?has_content><meta property="og:description" content="${description}"></#if>
  <meta property="og:url" content="${base}${canonical?has_content?then(canonical, path)}">
  <meta property="og:image" content="${base}${res}/dsfr/favicon/android-chrome-512x512.png">
  <link rel="stylesheet" href="${res}/dsfr/dsfr.min.css">
  <link rel="stylesheet" href="${res}/dsfr/utility/icons/icons.min.css">
  <link rel="stylesheet" href="${res}/css/site.css">
  <link rel="apple-touch-icon" href="${res}/dsfr/favicon/apple-touch-icon.png">
  <link rel="icon" href="${res}/dsfr/favicon/favicon.svg" type="image/svg+xml">
  <link rel="shortcut icon" href="${res}/dsfr/favicon/favicon.ico" type="image/x-icon">
  <#if jsonLd?has_content><script type="application/ld+json">${jsonLd?no_esc}</script></#if>
</head>
<body>
<div class="fr-skiplinks">
  <nav class="fr-container" role="navigation" aria-label="${i18n("site.skiplinks.label")}">
    <ul class="fr-skiplinks__list">
      <li><a class="fr-link" href="#contenu">${i18n("site.skiplinks.content")}</a></li>
      <li><a class="fr-link" href="#navigation-principale">${i18n("site.skiplinks.menu")}</a></li>
      <li><a class="fr-link" href="#recherche-entete">${i18n("site.skiplinks.search")}</a></li>
      <li><a class="fr-link" href="#pied-de-page">${i18n("site.skiplinks.footer")}</a></li>
    </ul>
  </nav>
</div>
<header role="banner" class="fr-header">
  <div class="fr-header__body">
    <div class="fr-container">
      <div class="fr-header__body-row">
        <div class="fr-header__brand fr-enlarge-link">
          <div class="fr-header__brand-top">
            <div class="fr-header__logo">
              <p class="fr-logo">République<br>française</p>
            </div>
            <div class="fr-header__navbar">
              <button class="fr-btn--search fr-btn" data-fr-opened="false" aria-controls="modal-recherche" title="${i18n("site.search.button")}">${i18n("site.search.button")}</button>
              <button class="fr-btn--menu fr-btn" data-fr-opened="false" aria-controls="modal-menu" aria-haspopup="menu" id="bouton-menu" title="${i18n("site.menu")}">${i18n("site.menu")}</button>
            </div>
          </div>
          <div class="fr-header__service">
            <a href="/" title="${i18n("site.home.link.title")}">
              <p class="fr-header__service-title">${i18n("site.name")}</p>
            </a>
            <p class="fr-header__service-tagline">${i18n("site.tagline")}</p>
          </div>
        </div>
        <div class="fr-header__tools">
          <div class="fr-header__tools-links">
            <ul class="fr-btns-group">
              <li><button class="fr-btn fr-icon-theme-fill" aria-controls="fr-theme-modal" data-fr-opened="false">${i18n("site.display.title")}</button></li>
            </ul>
          </div>
          <div class="fr-header__search fr-modal" id="modal-recherche">
            <div class="fr-container fr-container-lg--fluid">
              <button class="fr-btn--close fr-btn" aria-controls="modal-recherche" title="${i18n("site.close")}">${i18n("site.close")}</button>
              <form action="/recherche" method="get" role="search" class="fr-search-bar" id="recherche-entete">
                <label class="fr-label" for="recherche-entete-q">${i18n("site.search.label")}</label>
                <input class="fr-input" type="search" id="recherche-entete-q" name="q" placeholder="${i18n("site.search.placeholder")}" autocomplete="off">
                <button class="fr-btn" type="submit" title="${i18n("site.search.button")}">${i18n("site.search.button")}</button>
              </form>
            </div>
          </div>
        </div>
      </div>
    </div>
  </div>
  <div class="fr-header__menu fr-modal" id="modal-menu" aria-labelledby="bouton-menu">
    <div class="fr-container">
      <button class="fr-btn--close fr-btn" aria-controls="modal-menu" title="${i18n("site.close")}">${i18n("site.close")}</button>
      <div class="fr-header__menu-links"></div>
      <nav class="fr-nav" id="navigation-principale" role="navigation" aria-label="${i18n("site.nav.label")}">
        <ul class="fr-nav__list">
          <#list [["/", "site.nav.home", "home"], ["/publications", "site.nav.publications", "publications"], ["/comparer", "site.nav.compare", "comparer"], ["/plan-du-site", "site.nav.sitemap", "plan-du-site"]] as item>
          <li class="fr-nav__item"><a class="fr-nav__link" href="${item[0]}"<#if current == item[2]> aria-current="page"</#if>>${i18n(item[1])}</a></li>
          </#list>
        </ul>
      </nav>
    </div>
  </div>
</header>
<main id="contenu" role="main" tabindex="-1">
<#if draftPreview??>
<div class="fr-notice fr-notice--info oc-draft-preview">
  <div class="fr-container"><div class="fr-notice__body">
    <p class="fr-notice__title">${draftPreview.banner!i18n("authoring.ui.preview.banner")} <a class="fr-link" href="${draftPreview.editUrl}">${i18n("authoring.ui.preview.back")}</a></p>
    <#if draftPreview.places?has_content>
    <nav class="fr-mt-1w" aria-labelledby="oc-preview-places">
      <p id="oc-preview-places" class="fr-mb-1v">${i18n("authoring.ui.preview.alert.places")}</p>
      <ul class="oc-inline-list">
        <#list draftPreview.places as place><li><a class="fr-link" href="${place.url}"<#if place.current> aria-current="page"</#if>>${place.name}</a></li></#list>
      </ul>
    </nav>
    </#if>
  </div></div>
</div>
</#if>
<#nested>
</main>
<footer class="fr-footer" role="contentinfo" id="pied-de-page">
  <div class="fr-container">
    <div class="fr-footer__body">
      <div class="fr-footer__brand fr-enlarge-link">
        <a href="/" title="${i18n("site.home.link.title")}">
          <p class="fr-logo">République<br>française</p>
        </a>
      </div>
      <div class="fr-footer__content">
        <p class="fr-footer__content-desc">${i18n("site.footer.description")}</p>
        <ul class="fr-footer__content-list">
          <#list ["info.gouv.fr", "service-public.fr", "legifrance.gouv.fr", "data.gouv.fr"] as site>
          <li class="fr-footer__content-item"><a class="fr-footer__content-link" target="_blank" rel="noopener" title="${i18n("site.newWindow", site)}" href="https://www.${site}">${site}</a></li>
          </#list>
        </ul>
      </div>
    </div>
    <div class="fr-footer__bottom">
      <ul class="fr-footer__bottom-list">
        <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/plan-du-site">${i18n("site.footer.sitemap")}</a></li>
        <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/accessibilite">${i18n("site.footer.accessibility")}</a></li>
        <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/mentions-legales">${i18n("site.footer.legal")}</a></li>
        <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/mentions-legales#donnees-personnelles">${i18n("site.footer.privacy")}</a></li>
        <li class="fr-footer__bottom-item"><a class="fr-footer__bottom-link" href="/mentions-legales#cookies">${i18n("site.footer.cookies")}</a></li>
        <li class="fr-footer__bottom-item"><button class="fr-footer__bottom-link fr-icon-theme-fill fr-btn--icon-left" aria-controls="fr-theme-modal" data-fr-opened="false">${i18n("site.display.title")}</button></li>
      </ul>
      <div class="fr-footer__bottom-copy">
        <p>${i18n("site.footer.licence")} <a href="https://github.com/etalab/licence-ouverte/blob/master/LO.md" target="_blank" rel="noopener" title="${i18n("site.newWindow", "licence etalab-2.0")}">licence etalab-2.0</a></p>
      </div>
    </div>
  </div>
</footer>
<dialog id="fr-theme-modal" class="fr-modal" aria-labelledby="fr-theme-modal-title">
  <div class="fr-container fr-container--fluid fr-container-md">
    <div class="fr-grid-row fr-grid-row--center">
      <div class="fr-col-12 fr-col-md-6 fr-col-lg-4">
        <div class="fr-modal__body">
          <div class="fr-modal__header">
            <button class="fr-btn--close fr-btn" aria-controls="fr-theme-modal" title="${i18n("site.close")}">${i18n("site.close")}</button>
          </div>
          <div class="fr-modal__content">
            <h2 id="fr-theme-modal-title" class="fr-modal__title">${i18n("site.display.title")}</h2>
            <div id="fr-display" class="fr-display">
              <fieldset class="fr-fieldset" id="display-fieldset">
                <legend class="fr-fieldset__legend--regular fr-fieldset__legend" id="display-fieldset-legend">${i18n("site.display.legend")}</legend>
                <#list ["light", "dark", "system"] as theme>
                <div class="fr-fieldset__element">
                  <div class="fr-radio-group">
                    <input value="${theme}" type="radio" id="fr-radios-theme-${theme}" name="fr-radios-theme">
                    <label class="fr-label" for="fr-radios-theme-${theme}">${i18n("site.display." + theme)}<#if theme == "system"><span class="fr-hint-text">${i18n("site.display.system.hint")}</span></#if></label>
                  </div>
                </div>
                </#list>
              </fieldset>
            </div>
          </div>
        </div>
      </div>
    </div>
  </div>
</dialog>
<script type="application/json" id="oc-messages">{<#list ["one", "many", "none", "selected", "error"] as key>"${key}": "${i18n("site.search.js." + key)?json_string}", </#list><#list ["commune", "epci", "departement", "region", "arrondissement"] as level>"level.${level}": "${i18n("site.level." + level)?json_string}"<#sep>, </#list>}</script>
<script type="module" src="${res}/dsfr/dsfr.module.min.js"></script>
<script nomodule src="${res}/dsfr/dsfr.nomodule.min.js"></script>
<script type="module" src="${res}/js/site.js"></script>
</body>
</html>
</#macro>

<#-- Breadcrumb: crumbs is a list of [label, href]; the last item is the current page. -->
<#macro breadcrumb crumbs>
<nav role="navigation" class="fr-breadcrumb" aria-label="${i18n("site.breadcrumb.label")}">
  <button class="fr-breadcrumb__button" aria-expanded="false" aria-controls="fil-ariane">${i18n("site.breadcrumb.show")}</button>
  <div class="fr-collapse" id="fil-ariane">
    <ol class="fr-breadcrumb__list">
      <li><a class="fr-breadcrumb__link" href="/">${i18n("site.nav.home")}</a></li>
      <#list crumbs as crumb>
      <li><#if crumb?has_next><a class="fr-breadcrumb__link" href="${crumb[1]}">${crumb[0]}</a><#else><a class="fr-breadcrumb__link" aria-current="page">${crumb[0]}</a></#if></li>
      </#list>
    </ol>
  </div>
</nav>
</#macro>

<#-- A number in French (narrow no-break space between thousands), or the "unknown" text. -->
<#function number value>
  <#if value?? && value?is_number><#return value?string(",##0")></#if>
  <#return i18n("site.fiche.unknown")>
</#function>
