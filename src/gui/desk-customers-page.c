/* desk-customers-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-customers-page"

#include "config.h"

#include "desk-customers-page.h"

struct _DeskCustomersPage
{
  DeskIncidentPage parent_instance;
};

G_DEFINE_FINAL_TYPE (DeskCustomersPage, desk_customers_page, DESK_TYPE_INCIDENT_PAGE)

static void
desk_customers_page_class_init (DeskCustomersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/desk-customers-page.ui");
}

static void
desk_customers_page_init (DeskCustomersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
