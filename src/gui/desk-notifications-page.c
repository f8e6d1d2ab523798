/* desk-notifications-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-notifications-page"

#include "config.h"

#include "desk-notifications-page.h"

struct _DeskNotificationsPage
{
  DeskIncidentPage parent_instance;
};

G_DEFINE_FINAL_TYPE (DeskNotificationsPage, desk_notifications_page, DESK_TYPE_INCIDENT_PAGE)

static void
desk_notifications_page_class_init (DeskNotificationsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/desk-notifications-page.ui");
}

static void
desk_notifications_page_init (DeskNotificationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
