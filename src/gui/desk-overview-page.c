/* desk-overview-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-overview-page"

#include "config.h"

#include "desk-overview-page.h"

struct _DeskOverviewPage
{
  DeskIncidentPage parent_instance;
};

G_DEFINE_FINAL_TYPE (DeskOverviewPage, desk_overview_page, DESK_TYPE_INCIDENT_PAGE)

static void
desk_overview_page_class_init (DeskOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/desk-overview-page.ui");
}

static void
desk_overview_page_init (DeskOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
