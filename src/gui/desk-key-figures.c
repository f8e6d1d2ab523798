/* desk-key-figures.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskKeyFigures is the row of cards at the top of the Overview page: the accounts potentially
 * affected and confirmed, the contracts in a breach category (each once), and the customers
 * notified so far, in large type. Until account lists are imported, the figures announced for
 * the incident stand in for the counts, marked "Estimate". */

#define G_LOG_DOMAIN "desk-key-figures"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-labels.h"
#include "desk-key-figures.h"

struct _DeskKeyFigures
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkLabel   *potential_label;
  GtkWidget  *potential_estimate;
  GtkLabel   *confirmed_label;
  GtkWidget  *confirmed_estimate;
  GtkLabel   *unique_label;
  GtkLabel   *notified_label;
};

G_DEFINE_FINAL_TYPE (DeskKeyFigures, desk_key_figures, ADW_TYPE_BIN)

/* Helpers {{{ */

static void
set_figure (GtkLabel  *label,
            GtkWidget *estimate_tag,
            gint64     counted,
            gint64     estimated)
{
  /* Until account lists are imported, the figure announced for the incident stands in. */
  gboolean use_estimate = counted == 0 && estimated > 0;
  g_autofree char *text = desk_format_count (use_estimate ? estimated : counted);

  gtk_label_set_label (label, text);
  if (estimate_tag != NULL)
    gtk_widget_set_visible (estimate_tag, use_estimate);
}

/* }}} */
/* GObject {{{ */

static void
desk_key_figures_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_KEY_FIGURES);

  G_OBJECT_CLASS (desk_key_figures_parent_class)->dispose (object);
}

static void
desk_key_figures_class_init (DeskKeyFiguresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_key_figures_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-key-figures.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskKeyFigures, potential_label);
  gtk_widget_class_bind_template_child (widget_class, DeskKeyFigures, potential_estimate);
  gtk_widget_class_bind_template_child (widget_class, DeskKeyFigures, confirmed_label);
  gtk_widget_class_bind_template_child (widget_class, DeskKeyFigures, confirmed_estimate);
  gtk_widget_class_bind_template_child (widget_class, DeskKeyFigures, unique_label);
  gtk_widget_class_bind_template_child (widget_class, DeskKeyFigures, notified_label);
}

static void
desk_key_figures_init (DeskKeyFigures *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  desk_key_figures_set_stats (self, NULL);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_key_figures_set_stats:
 * @stats: (nullable): the incident's figures, or %NULL while they are being counted
 */
void
desk_key_figures_set_stats (DeskKeyFigures  *self,
                            const DeskStats *stats)
{
  /* Translators: shown in place of a figure that is still being counted */
  const char *pending = C_("figure", "—");
  g_autofree char *notified = NULL;
  g_autofree char *to_notify = NULL;
  g_autofree char *notified_text = NULL;

  g_return_if_fail (DESK_IS_KEY_FIGURES (self));

  if (stats == NULL)
    {
      gtk_label_set_label (self->potential_label, pending);
      gtk_label_set_label (self->confirmed_label, pending);
      gtk_label_set_label (self->unique_label, pending);
      gtk_label_set_label (self->notified_label, pending);
      gtk_widget_set_visible (self->potential_estimate, FALSE);
      gtk_widget_set_visible (self->confirmed_estimate, FALSE);
      return;
    }

  set_figure (self->potential_label, self->potential_estimate,
              stats->potential_accounts, stats->estimated_potential);
  set_figure (self->confirmed_label, self->confirmed_estimate,
              stats->confirmed_accounts, stats->estimated_confirmed);
  set_figure (self->unique_label, NULL, stats->contracts_unique, 0);

  notified = desk_format_count (stats->customers_notified);
  to_notify = desk_format_count (stats->customers_to_notify);
  /* Translators: customers notified of customers to notify, e.g. "412 of 606" */
  notified_text = g_strdup_printf (_("%s of %s"), notified, to_notify);
  gtk_label_set_label (self->notified_label, notified_text);
}

/* Returns: (transfer none): the text of the card @name */
const char *
_desk_key_figures_get_figure (DeskKeyFigures *self,
                              const char     *name)
{
  g_return_val_if_fail (DESK_IS_KEY_FIGURES (self), NULL);

  if (g_str_equal (name, "potential"))
    return gtk_label_get_label (self->potential_label);
  if (g_str_equal (name, "confirmed"))
    return gtk_label_get_label (self->confirmed_label);
  if (g_str_equal (name, "unique"))
    return gtk_label_get_label (self->unique_label);
  if (g_str_equal (name, "notified"))
    return gtk_label_get_label (self->notified_label);
  g_return_val_if_reached (NULL);
}

/* Returns: whether the card @name shows an announced figure rather than a count */
gboolean
_desk_key_figures_is_estimate (DeskKeyFigures *self,
                               const char     *name)
{
  g_return_val_if_fail (DESK_IS_KEY_FIGURES (self), FALSE);

  if (g_str_equal (name, "potential"))
    return gtk_widget_get_visible (self->potential_estimate);
  if (g_str_equal (name, "confirmed"))
    return gtk_widget_get_visible (self->confirmed_estimate);
  return FALSE;
}

/* }}} */
