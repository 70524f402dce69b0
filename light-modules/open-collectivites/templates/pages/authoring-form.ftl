<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<link rel="stylesheet" href="${res}/quill/quill.core.css">
<link rel="stylesheet" href="${res}/css/authoring.css">
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/auteur/">${i18n("authoring.ui.form.back")}</a></p>
  <h1>${title}</h1>
  <#if error??>
  <div class="fr-alert fr-alert--error fr-mb-3w" role="alert"><p>${error}</p></div>
  </#if>
  <#if success??>
  <div class="fr-alert fr-alert--success fr-mb-3w" role="status"><p>${success}</p></div>
  </#if>
  <#if status??>
  <p>${i18n("authoring.ui.form.status")} <span class="fr-badge fr-badge--info">${status}</span></p>
  <#if comment?? && comment?has_content><div class="fr-callout fr-mb-3w"><p class="fr-callout__text">${i18n("authoring.ui.form.comment", comment)}</p></div></#if>
  </#if>
  <#if preview??><p><a class="fr-link" href="${preview}">${i18n("authoring.ui.form.preview")}</a></p></#if>
  <#if fichePreview??>
  <#if fichePreview.askCommune>
  <form method="get" action="${fichePreview.url}" class="fr-mb-3w">
    <fieldset class="fr-fieldset">
      <legend class="fr-fieldset__legend">${i18n("authoring.ui.preview.fiche.commune")}</legend>
      <div class="fr-fieldset__element">
        <div class="fr-input-group">
          <label class="fr-label" for="apercu-commune">${i18n("authoring.ui.preview.fiche.communeCode")}
            <span class="fr-hint-text">${i18n("authoring.ui.preview.fiche.communeHint")}</span></label>
          <input class="fr-input" type="text" id="apercu-commune" name="commune" inputmode="numeric" autocomplete="off">
        </div>
      </div>
      <div class="fr-fieldset__element">
        <button type="submit" class="fr-btn fr-btn--secondary">${i18n("authoring.ui.preview.fiche.show")}</button>
      </div>
    </fieldset>
  </form>
  <#else>
  <p><a class="fr-link" href="${fichePreview.url}">${i18n("authoring.ui.preview.fiche.link")}</a></p>
  </#if>
  </#if>
  <#if publicationPreview??><p><a class="fr-link" href="${publicationPreview}">${i18n("authoring.ui.preview.publication.link")}</a></p></#if>
  <#if !creating><p><a class="fr-link" href="${action?replace("/auteur/contenus/", "/auteur/versions/", "f")}">${i18n("authoring.ui.versions.link")}</a></p></#if>
  <#if liveOnly!false><div class="fr-notice fr-notice--info fr-mb-3w"><div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">${i18n("authoring.ui.form.liveOnly")}</p></div></div></div></#if>
  <#if !canEdit><p class="fr-text--sm">${i18n("authoring.ui.form.readOnly")}</p></#if>
  <p class="fr-text--sm">${i18n("authoring.ui.form.requiredNote")}</p>
  <form method="post" action="${action}" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="${csrf}">
    <#if creating>
    <div class="fr-input-group<#if nameError?has_content> fr-input-group--error</#if>">
      <label class="fr-label" for="nom">${i18n("authoring.ui.form.name")} <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span>
        <span class="fr-hint-text">${i18n("authoring.ui.form.hint.name")}</span></label>
      <input class="fr-input<#if nameError?has_content> fr-input--error</#if>" type="text" id="nom" name="nom" value="${name}" required aria-required="true"<#if nameError?has_content> aria-invalid="true" aria-describedby="nom-erreur"</#if>>
      <#if nameError?has_content><p class="fr-error-text" id="nom-erreur">${nameError}</p></#if>
    </div>
    </#if>
    <#list fields as f><@ui.field f=f/></#list>
    <#if canEdit || canPublish || canUnpublish>
    <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
      <#if canEdit><li><button type="submit" class="fr-btn" name="action" value="save">${i18n("authoring.ui.form.action.save")}</button></li></#if>
      <#if canSubmit><li><button type="submit" class="fr-btn fr-btn--secondary" name="action" value="submit">${i18n("authoring.ui.form.action.submit")}</button></li></#if>
      <#if canPublish><li><button type="submit" class="fr-btn fr-btn--secondary" name="action" value="publish">${i18n("authoring.ui.form.action.publish")}</button></li></#if>
      <#if canUnpublish><li><button type="submit" class="fr-btn fr-btn--tertiary" name="action" value="unpublish">${i18n("authoring.ui.form.action.unpublish")}</button></li></#if>
    </ul>
    </#if>
  </form>
  <#if schedule??><@ui.schedule s=schedule action=action csrf=csrf/></#if>
  <#if canReject>
  <form method="post" action="${action}" class="fr-mt-5w">
    <input type="hidden" name="csrf" value="${csrf}">
    <input type="hidden" name="action" value="reject">
    <div class="fr-input-group">
      <label class="fr-label" for="commentaire">${i18n("authoring.ui.form.rejectComment")}</label>
      <textarea class="fr-input" id="commentaire" name="commentaire" rows="3"></textarea>
    </div>
    <button type="submit" class="fr-btn fr-btn--tertiary">${i18n("authoring.ui.form.action.reject")}</button>
  </form>
  </#if>
</div>
<script src="${res}/quill/quill.js" defer></script>
<script src="${res}/js/authoring-form.js" defer></script>
</@layout.page>
