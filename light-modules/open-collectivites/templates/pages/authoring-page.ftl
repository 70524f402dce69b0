<#import "../site/layout.ftl" as layout>
<#import "../authoring/ui.ftl" as ui>
<@layout.page title=title noindex=true>
<link rel="stylesheet" href="${res}/quill/quill.core.css">
<link rel="stylesheet" href="${res}/css/authoring.css">
<div class="fr-container fr-my-5w">
  <@ui.signedIn user=user csrf=csrf/>
  <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="${listUrl}">${i18n("authoring.ui.page.back", placeLabel)}</a></p>
  <h1>${title}</h1>
  <@ui.messages/>
  <p>${i18n("authoring.ui.form.status")} <span class="fr-badge fr-badge--info">${status}</span> · ${i18n("authoring.ui.page.template", templateLabel)}</p>
  <#if comment?? && comment?has_content><div class="fr-callout fr-mb-3w"><p class="fr-callout__text">${i18n("authoring.ui.form.comment", comment)}</p></div></#if>
  <ul class="fr-links-group">
    <li><a class="fr-link fr-icon-eye-line fr-link--icon-left" href="${previewUrl}">${i18n("authoring.ui.page.preview")}</a></li>
    <#if live><li><a class="fr-link" href="${publicUrl}">${i18n("authoring.ui.form.preview")}</a></li></#if>
  </ul>

  <h2 class="fr-mt-5w">${i18n("authoring.ui.page.components")}</h2>
  <#list areas as area>
  <section class="fr-mb-5w" aria-labelledby="zone-${area.name}">
    <h3 id="zone-${area.name}">${i18n("authoring.ui.page.area", area.label)}</h3>
    <#if area.components?has_content>
    <ol class="oc-components">
      <#list area.components as c>
      <li class="fr-mb-2w">
        <p class="fr-mb-1w"><strong>${c.label}</strong><#if c.title?has_content> — ${c.title}</#if></p>
        <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <#if c.canEdit><li><a class="fr-btn fr-btn--secondary" href="${c.editUrl}">${i18n("authoring.ui.page.edit", c.label, c?counter)}</a></li></#if>
          <#if c.canMove && !c.first><li><form method="post" action="${c.editUrl}/deplacer"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="sens" value="up"><button type="submit" class="fr-btn fr-btn--tertiary">${i18n("authoring.ui.page.up", c.label, c?counter)}</button></form></li></#if>
          <#if c.canMove && !c.last><li><form method="post" action="${c.editUrl}/deplacer"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="sens" value="down"><button type="submit" class="fr-btn fr-btn--tertiary">${i18n("authoring.ui.page.down", c.label, c?counter)}</button></form></li></#if>
          <#if c.canRemove><li><form method="post" action="${c.editUrl}/supprimer"><input type="hidden" name="csrf" value="${csrf}"><button type="submit" class="fr-btn fr-btn--tertiary">${i18n("authoring.ui.page.remove", c.label, c?counter)}</button></form></li></#if>
        </ul>
      </li>
      </#list>
    </ol>
    <#else>
    <p class="fr-text--sm">${i18n("authoring.ui.page.noComponent")}</p>
    </#if>
    <#if area.canAdd>
    <form method="get" action="${newComponentUrl}" class="fr-mt-2w">
      <input type="hidden" name="zone" value="${area.name}">
      <div class="fr-select-group">
        <label class="fr-label" for="type-${area.name}">${i18n("authoring.ui.page.componentType")}</label>
        <select class="fr-select" id="type-${area.name}" name="type">
          <#list componentTypes as t><option value="${t.name}">${t.label}</option></#list>
        </select>
      </div>
      <button type="submit" class="fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left">${i18n("authoring.ui.page.add")}</button>
    </form>
    </#if>
  </section>
  </#list>

  <#if canEdit>
  <h2 class="fr-mt-5w">${i18n("authoring.ui.page.properties")}</h2>
  <p class="fr-text--sm">${i18n("authoring.ui.form.requiredNote")}</p>
  <form method="post" action="${action}" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="${csrf}">
    <#list fields as f><@ui.field f=f/></#list>
    <button type="submit" class="fr-btn" name="action" value="save">${i18n("authoring.ui.form.action.save")}</button>
  </form>
  </#if>

  <#if canSubmit || canPublish || canUnpublish>
  <h2 class="fr-mt-5w">${i18n("authoring.ui.page.workflow")}</h2>
  <form method="post" action="${action}">
    <input type="hidden" name="csrf" value="${csrf}">
    <ul class="fr-btns-group fr-btns-group--inline-md">
      <#if canSubmit><li><button type="submit" class="fr-btn fr-btn--secondary" name="action" value="submit">${i18n("authoring.ui.form.action.submit")}</button></li></#if>
      <#if canPublish><li><button type="submit" class="fr-btn" name="action" value="publish">${i18n("authoring.ui.form.action.publish")}</button></li></#if>
      <#if canUnpublish><li><button type="submit" class="fr-btn fr-btn--tertiary" name="action" value="unpublish">${i18n("authoring.ui.form.action.unpublish")}</button></li></#if>
    </ul>
  </form>
  </#if>
  <#if canRename || canDelete>
  <section class="fr-mt-5w" aria-labelledby="gerer-titre">
  <h2 id="gerer-titre">${i18n("authoring.ui.page.manage")}</h2>
  <#if live>
  <p>${i18n("authoring.ui.page.liveFirst")}</p>
  <#else>
  <#if canRename>
  <form method="post" action="${action}/renommer" novalidate>
    <input type="hidden" name="csrf" value="${csrf}">
    <div class="fr-input-group<#if newNameError?has_content> fr-input-group--error</#if>">
      <label class="fr-label" for="nouveauNom">${i18n("authoring.ui.page.newName")} <span aria-hidden="true">*</span><span class="fr-sr-only">${i18n("authoring.ui.form.required")}</span>
        <span class="fr-hint-text">${i18n("authoring.ui.pages.hint.name")}</span></label>
      <input class="fr-input<#if newNameError?has_content> fr-input--error</#if>" type="text" id="nouveauNom" name="nouveauNom" value="${newName}" required aria-required="true"<#if newNameError?has_content> aria-invalid="true" aria-describedby="nouveauNom-erreur"</#if>>
      <#if newNameError?has_content><p class="fr-error-text" id="nouveauNom-erreur">${newNameError}</p></#if>
    </div>
    <button type="submit" class="fr-btn fr-btn--secondary">${i18n("authoring.ui.page.rename")}</button>
  </form>
  </#if>
  <#if canDelete>
  <form method="post" action="${action}/supprimer" class="fr-mt-3w">
    <input type="hidden" name="csrf" value="${csrf}">
    <p class="fr-text--sm">${i18n("authoring.ui.page.deleteHint")}</p>
    <button type="submit" class="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left">${i18n("authoring.ui.page.delete")}</button>
  </form>
  </#if>
  </#if>
  </section>
  </#if>
  <#if schedule??><@ui.schedule s=schedule action=action csrf=csrf/></#if>
  <#if canReject>
  <form method="post" action="${action}" class="fr-mt-3w">
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
