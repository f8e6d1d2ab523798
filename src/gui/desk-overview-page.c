/* desk-overview-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskOverviewPage is the first page of an incident: its key figures in large type
 * (DeskKeyFigures), the reports the law asks for and their deadlines (DeskObligationsGroup),
 * then every field of the incident to edit, the figures announced before any list was imported
 * (DeskIncidentForm) and how the figures changed over time (DeskFigureHistory), and the breach
 * categories (DeskCategoriesGroup).
 *
 * The page reads the incident's figures and hands them to the parts that show them, and owns
 * the DeskEditQueue through which the form and the categories save, one edit at a time: an
 * incident edited in the form and a category saved meanwhile must not overtake each other. */

#define G_LOG_DOMAIN "desk-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-categories-group.h"
#include "desk-edit-queue.h"
#include "desk-figure-history.h"
#include "desk-gui-utils.h"
#include "desk-incident-form.h"
#include "desk-key-figures.h"
#include "desk-obligations-group.h"
#include "desk-page-utils.h"
#include "desk-report-button.h"
#include "desk-overview-page-private.h"

struct _DeskOverviewPage
{
  DeskIncidentPage      parent_instance;

  /* Template widgets */
  GtkWidget            *content;
  DeskKeyFigures       *figures;
  DeskObligationsGroup *obligations_group;
  DeskIncidentForm     *form;
  DeskFigureHistory    *figure_history;
  DeskCategoriesGroup  *categories_group;

  /* Owned */
  DeskEditQueue        *edits;
  guint                 stats_serial;   /* the newest request; answers to older ones are dropped */

  guint                 disposed : 1;
};

G_DEFINE_FINAL_TYPE (DeskOverviewPage, desk_overview_page, DESK_TYPE_INCIDENT_PAGE)

/* Figures {{{ */

static void
show_stats (DeskOverviewPage *self,
            DeskStats        *stats)
{
  desk_key_figures_set_stats (self->figures, stats);
  desk_categories_group_set_stats (self->categories_group, stats);
}

static void
on_stats_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskOverviewPage *self = DESK_OVERVIEW_PAGE (request->page);
  g_autoptr(DeskStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  stats = desk_store_get_stats_finish (DESK_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A later request is under way: its answer is the newer one. */
  if (request->serial == self->stats_serial)
    {
      if (stats == NULL)
        desk_show_error (GTK_WIDGET (self), _("Could not count the incident’s figures"), error);
      else
        show_stats (self, stats);
    }

  desk_page_request_end (request);
}

static void
load_stats (DeskOverviewPage *self)
{
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (self);
  DeskStore *store = desk_incident_page_get_store (page);
  gint64 incident_id = desk_incident_page_get_incident_id (page);
  DeskPageRequest *request;

  if (store == NULL || incident_id == 0)
    return;

  request = desk_page_request_begin (self);
  request->serial = ++self->stats_serial;
  desk_store_get_stats_async (store, incident_id, desk_incident_page_get_cancellable (page),
                              on_stats_loaded_cb, request);
}

/* An estimate or a category changed: the figures may read otherwise, and an estimate adds to
 * their history. */
static void
on_figures_changed_cb (DeskOverviewPage *self)
{
  load_stats (self);
  desk_figure_history_reload (self->figure_history);
}

/* The incident's clock-start times or zone changed: the store moved the due times. */
static void
on_clocks_changed_cb (DeskOverviewPage *self)
{
  desk_obligations_group_reload (self->obligations_group, TRUE);
}

/* }}} */
/* DeskIncidentPage {{{ */

static void
desk_overview_page_reload (DeskIncidentPage *page)
{
  DeskOverviewPage *self = DESK_OVERVIEW_PAGE (page);
  DeskIncident *incident = desk_incident_page_get_incident (page);

  if (self->disposed)
    return;

  if (incident != desk_incident_form_get_incident (self->form))
    {
      desk_incident_form_set_incident (self->form, incident);
      desk_categories_group_clear (self->categories_group);
      desk_obligations_group_clear (self->obligations_group);
      desk_figure_history_clear (self->figure_history);
      show_stats (self, NULL);
      gtk_widget_set_sensitive (self->content, incident != NULL);
    }

  load_stats (self);
  desk_obligations_group_reload (self->obligations_group, FALSE);
  desk_figure_history_reload (self->figure_history);
  desk_categories_group_reload (self->categories_group);
}

/* }}} */
/* GObject {{{ */

static void
desk_overview_page_dispose (GObject *object)
{
  DeskOverviewPage *self = DESK_OVERVIEW_PAGE (object);

  if (!self->disposed)
    {
      /* What was typed is saved even as the page goes; nothing calls back into it after. */
      desk_incident_form_flush (self->form);
      desk_edit_queue_close (self->edits);
    }
  self->disposed = TRUE;

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_OVERVIEW_PAGE);

  g_clear_object (&self->edits);

  G_OBJECT_CLASS (desk_overview_page_parent_class)->dispose (object);
}

static void
desk_overview_page_class_init (DeskOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskIncidentPageClass *page_class = DESK_INCIDENT_PAGE_CLASS (klass);

  object_class->dispose = desk_overview_page_dispose;

  page_class->reload = desk_overview_page_reload;

  g_type_ensure (DESK_TYPE_KEY_FIGURES);
  g_type_ensure (DESK_TYPE_OBLIGATIONS_GROUP);
  g_type_ensure (DESK_TYPE_INCIDENT_FORM);
  g_type_ensure (DESK_TYPE_FIGURE_HISTORY);
  g_type_ensure (DESK_TYPE_CATEGORIES_GROUP);
  g_type_ensure (DESK_TYPE_REPORT_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, content);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, figures);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, obligations_group);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, form);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, figure_history);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, categories_group);
  gtk_widget_class_bind_template_callback (widget_class, on_figures_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clocks_changed_cb);
}

static void
desk_overview_page_init (DeskOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->edits = desk_edit_queue_new ();
  desk_incident_form_set_edit_queue (self->form, self->edits);
  desk_obligations_group_set_edit_queue (self->obligations_group, self->edits);
  desk_categories_group_set_edit_queue (self->categories_group, self->edits);

  gtk_widget_set_sensitive (self->content, FALSE);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_overview_page_add_obligation:
 *
 * Opens the Add Obligation dialog for the incident shown.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL without an incident
 */
GtkWindow *
desk_overview_page_add_obligation (DeskOverviewPage *self)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  return desk_obligations_group_open_dialog (self->obligations_group);
}

/* }}} */
/* Internal API {{{ */

/* Returns: (transfer none): the text of the figure card @name */
const char *
_desk_overview_page_get_figure (DeskOverviewPage *self,
                                const char       *name)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  return _desk_key_figures_get_figure (self->figures, name);
}

gboolean
_desk_overview_page_figure_is_estimate (DeskOverviewPage *self,
                                        const char       *name)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), FALSE);

  return _desk_key_figures_is_estimate (self->figures, name);
}

/* Returns: (transfer none): the row that edits the incident's @field */
GtkWidget *
_desk_overview_page_get_field_row (DeskOverviewPage *self,
                                   const char       *field)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  return _desk_incident_form_get_field_row (self->form, field);
}

GtkTextView *
_desk_overview_page_get_summary_view (DeskOverviewPage *self)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  return _desk_incident_form_get_summary_view (self->form);
}

GtkWidget *
_desk_overview_page_get_add_category_button (DeskOverviewPage *self)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  return _desk_categories_group_get_add_button (self->categories_group);
}

guint
_desk_overview_page_get_n_categories (DeskOverviewPage *self)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), 0);

  return _desk_categories_group_get_n_categories (self->categories_group);
}

/* Returns: (transfer none) (nullable): the DeskCategoryRow of the @index-th category */
GtkWidget *
_desk_overview_page_get_category_row (DeskOverviewPage *self,
                                      guint             index)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  return _desk_categories_group_get_row (self->categories_group, index);
}

/* Whether edits are being saved or figures read: tests wait for both to settle. */
gboolean
_desk_overview_page_is_busy (DeskOverviewPage *self)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), FALSE);

  return !desk_edit_queue_is_empty (self->edits)
         || desk_incident_page_is_loading (DESK_INCIDENT_PAGE (self));
}

DeskObligationsGroup *
_desk_overview_page_get_obligations_group (DeskOverviewPage *self)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  return self->obligations_group;
}

DeskFigureHistory *
_desk_overview_page_get_figure_history (DeskOverviewPage *self)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  return self->figure_history;
}

/* }}} */
