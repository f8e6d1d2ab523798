/* desk-remediation-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-remediation-page"

#include "config.h"

#include "desk-remediation-page.h"

struct _DeskRemediationPage
{
  DeskIncidentPage parent_instance;
};

G_DEFINE_FINAL_TYPE (DeskRemediationPage, desk_remediation_page, DESK_TYPE_INCIDENT_PAGE)

static void
desk_remediation_page_class_init (DeskRemediationPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/desk-remediation-page.ui");
}

static void
desk_remediation_page_init (DeskRemediationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
