/* desk-history-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-history-page"

#include "config.h"

#include "desk-history-page.h"

struct _DeskHistoryPage
{
  DeskIncidentPage parent_instance;
};

G_DEFINE_FINAL_TYPE (DeskHistoryPage, desk_history_page, DESK_TYPE_INCIDENT_PAGE)

static void
desk_history_page_class_init (DeskHistoryPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/desk-history-page.ui");
}

static void
desk_history_page_init (DeskHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
