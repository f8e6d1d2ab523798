/* desk-notice-breakdown.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskNoticeBreakdown is one of the Notifications page's figures: a heading over one line per
 * part of a whole (the notices in each status, the customers notified through each channel), each
 * with its name, how many in words and digits, and a bar. The page fills it from the store's
 * aggregates; it only lays the lines out. */

#define G_LOG_DOMAIN "desk-notice-breakdown"

#include "config.h"

#include "desk-notice-breakdown.h"

struct _DeskNoticeBreakdown
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkLabel   *title_label;
  GtkGrid    *grid;

  /* Owned */
  char       *placeholder_text;

  /* Borrowed */
  GtkWidget  *placeholder;   /* in the grid while it has no rows */

  int         n_rows;
};

G_DEFINE_FINAL_TYPE (DeskNoticeBreakdown, desk_notice_breakdown, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GObject {{{ */

static void
desk_notice_breakdown_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_NOTICE_BREAKDOWN);

  G_OBJECT_CLASS (desk_notice_breakdown_parent_class)->dispose (object);
}

static void
desk_notice_breakdown_finalize (GObject *object)
{
  DeskNoticeBreakdown *self = DESK_NOTICE_BREAKDOWN (object);

  g_free (self->placeholder_text);

  G_OBJECT_CLASS (desk_notice_breakdown_parent_class)->finalize (object);
}

static void
desk_notice_breakdown_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DeskNoticeBreakdown *self = DESK_NOTICE_BREAKDOWN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, desk_notice_breakdown_get_title (self));
      break;

    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, desk_notice_breakdown_get_placeholder_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_notice_breakdown_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DeskNoticeBreakdown *self = DESK_NOTICE_BREAKDOWN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      desk_notice_breakdown_set_title (self, g_value_get_string (value));
      break;

    case PROP_PLACEHOLDER_TEXT:
      desk_notice_breakdown_set_placeholder_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_notice_breakdown_class_init (DeskNoticeBreakdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_notice_breakdown_dispose;
  object_class->finalize = desk_notice_breakdown_finalize;
  object_class->get_property = desk_notice_breakdown_get_property;
  object_class->set_property = desk_notice_breakdown_set_property;

  /**
   * DeskNoticeBreakdown:title:
   *
   * The heading, which also names the lines to assistive technologies.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * DeskNoticeBreakdown:placeholder-text:
   *
   * What desk_notice_breakdown_remove_all() leaves in place of the lines until one is added, or
   * %NULL for nothing.
   */
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-notice-breakdown.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeBreakdown, title_label);
  gtk_widget_class_bind_template_child (widget_class, DeskNoticeBreakdown, grid);
}

static void
desk_notice_breakdown_init (DeskNoticeBreakdown *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* }}} */
/* Public API {{{ */

const char *
desk_notice_breakdown_get_title (DeskNoticeBreakdown *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE_BREAKDOWN (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
desk_notice_breakdown_set_title (DeskNoticeBreakdown *self,
                                 const char          *title)
{
  g_return_if_fail (DESK_IS_NOTICE_BREAKDOWN (self));

  if (g_strcmp0 (desk_notice_breakdown_get_title (self), title) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
desk_notice_breakdown_get_placeholder_text (DeskNoticeBreakdown *self)
{
  g_return_val_if_fail (DESK_IS_NOTICE_BREAKDOWN (self), NULL);

  return self->placeholder_text;
}

void
desk_notice_breakdown_set_placeholder_text (DeskNoticeBreakdown *self,
                                            const char          *placeholder_text)
{
  g_return_if_fail (DESK_IS_NOTICE_BREAKDOWN (self));

  if (g_strcmp0 (self->placeholder_text, placeholder_text) == 0)
    return;

  g_free (self->placeholder_text);
  self->placeholder_text = g_strdup (placeholder_text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER_TEXT]);
}

void
desk_notice_breakdown_remove_all (DeskNoticeBreakdown *self)
{
  GtkWidget *child;

  g_return_if_fail (DESK_IS_NOTICE_BREAKDOWN (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  self->n_rows = 0;
  self->placeholder = NULL;

  if (self->placeholder_text != NULL)
    {
      self->placeholder = gtk_label_new (self->placeholder_text);
      gtk_label_set_xalign (GTK_LABEL (self->placeholder), 0);
      gtk_widget_add_css_class (self->placeholder, "dim-label");
      gtk_grid_attach (self->grid, self->placeholder, 0, 0, 1, 1);
    }
}

/**
 * desk_notice_breakdown_add_row:
 * @title: what the line counts, e.g. a status
 * @value: how many, as shown, e.g. "210 of 270"
 * @fraction: the part of the bar filled, from 0 to 1
 * @css_class: (nullable): a style class for the bar, e.g. "notice-notified"
 *
 * Adds a line below the others.
 */
void
desk_notice_breakdown_add_row (DeskNoticeBreakdown *self,
                               const char          *title,
                               const char          *value,
                               double               fraction,
                               const char          *css_class)
{
  GtkWidget *label, *value_label, *bar;

  g_return_if_fail (DESK_IS_NOTICE_BREAKDOWN (self));
  g_return_if_fail (title != NULL && value != NULL);

  if (self->placeholder != NULL)
    gtk_grid_remove (self->grid, g_steal_pointer (&self->placeholder));

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, title);

  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1);
  gtk_widget_add_css_class (value_label, "numeric");

  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), CLAMP (fraction, 0, 1));
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 48, -1);
  if (css_class != NULL)
    gtk_widget_add_css_class (bar, css_class);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, value_label, NULL,
                                  -1);

  gtk_grid_attach (self->grid, label, 0, self->n_rows, 1, 1);
  gtk_grid_attach (self->grid, value_label, 1, self->n_rows, 1, 1);
  gtk_grid_attach (self->grid, bar, 2, self->n_rows, 1, 1);
  self->n_rows++;
}

/* }}} */
