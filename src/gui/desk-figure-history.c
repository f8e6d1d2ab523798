/* desk-figure-history.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskFigureHistory is the Overview page's "Figures Over Time": how the accounts potentially
 * affected and confirmed changed, in a chart (DeskChartView) and a row per change, newest
 * first, saying when, who, and where the figure came from: an announced estimate typed in, or
 * the count after an account list was imported (with the file's name). Public statements of a
 * breach move from "4,072,650 potentially affected" to "311,288 confirmed"; the team must be able
 * to say when and why each number changed.
 *
 * The store keeps the history: a change of the announced figures and each import add to it. */

#define G_LOG_DOMAIN "desk-figure-history"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-chart-view.h"
#include "desk-deadline-text.h"
#include "desk-gui-utils.h"
#include "desk-labels.h"
#include "desk-page-utils.h"
#include "desk-time.h"
#include "desk-figure-history.h"

struct _DeskFigureHistory
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkWidget           *chart_frame;
  DeskChartView       *chart;
  GtkListBox          *list_box;

  /* Owned */
  guint                serial;   /* the newest reload; answers to older ones drop */
};

G_DEFINE_FINAL_TYPE (DeskFigureHistory, desk_figure_history, ADW_TYPE_PREFERENCES_GROUP)

/* Helpers {{{ */

static void
remove_rows (DeskFigureHistory *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
}

static char *
describe_figures (DeskRecord *figure)
{
  g_autofree char *potential = desk_format_count (desk_record_get_int (figure, "potential"));
  g_autofree char *confirmed = desk_format_count (desk_record_get_int (figure, "confirmed"));

  /* Translators: one point of an incident's figure history, e.g. "4,072,650 potentially
   * affected · 311,288 confirmed" */
  return g_strdup_printf (_("%s potentially affected · %s confirmed"), potential, confirmed);
}

/* When, who, and where from, e.g. "14 Apr 2026, 10:32 JST · Aiko Tanaka · Import of
 * accounts.csv". */
static char *
describe_origin (DeskRecord *figure,
                 const char *time_zone)
{
  g_autofree char *when = desk_format_zoned_time (desk_record_get_int (figure, "recorded-at"),
                                                  time_zone);
  const char *actor = desk_record_get_string (figure, "actor");
  const char *file = desk_record_get_string (figure, "source-name");
  g_autofree char *source = NULL;
  GString *text = g_string_new (when);

  if (desk_record_get_enum (figure, "source") == DESK_FIGURE_SOURCE_IMPORT)
    source = file != NULL && *file != '\0'
             /* Translators: where a figure came from: the account list imported from a file */
             ? g_strdup_printf (_("Import of %s"), file)
             : g_strdup (_("Account import"));
  else
    /* Translators: where a figure came from: the announced figure people typed */
    source = g_strdup (_("Announced estimate"));

  if (actor != NULL && *actor != '\0')
    {
      g_string_append (text, _(" · "));
      g_string_append (text, actor);
    }
  g_string_append (text, _(" · "));
  g_string_append (text, source);

  return g_string_free (text, FALSE);
}

static void
show_figures (DeskFigureHistory *self,
              DeskRecord        *incident,
              GPtrArray         *figures,
              gint64             now)
{
  const char *time_zone = desk_record_get_string (incident, "time-zone");
  g_autoptr(GTimeZone) zone = desk_time_zone_for (time_zone);
  g_autoptr(DeskChart) chart = desk_chart_new_figures (figures, zone, now);

  remove_rows (self);

  /* Newest first: the figure people quote now is on top. */
  for (guint i = figures->len; i > 0; i--)
    {
      DeskRecord *figure = g_ptr_array_index (figures, i - 1);
      g_autofree char *title = describe_figures (figure);
      g_autofree char *subtitle = describe_origin (figure, time_zone);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "figure");
      gtk_list_box_append (self->list_box, row);
    }

  desk_chart_view_set_chart (self->chart, figures->len > 0 ? chart : NULL);
  gtk_widget_set_visible (self->chart_frame, figures->len > 0);
}

static void
on_figures_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskFigureHistory *self = DESK_FIGURE_HISTORY (request->owner);
  DeskIncident *incident = desk_incident_page_get_incident (request->page);
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GError) error = NULL;

  figures = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A later request is under way: its answer is the newer one. */
  if (request->serial == self->serial && incident != NULL)
    {
      if (figures == NULL)
        desk_show_error (GTK_WIDGET (self), _("Could not read the figure history"), error);
      else
        show_figures (self, DESK_RECORD (incident), figures,
                      desk_store_now (DESK_STORE (object)));
    }

  desk_page_request_end (request);
}

/* }}} */
/* GObject {{{ */

static void
desk_figure_history_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_FIGURE_HISTORY);

  G_OBJECT_CLASS (desk_figure_history_parent_class)->dispose (object);
}

static void
desk_figure_history_class_init (DeskFigureHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_figure_history_dispose;

  g_type_ensure (DESK_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-figure-history.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskFigureHistory, chart_frame);
  gtk_widget_class_bind_template_child (widget_class, DeskFigureHistory, chart);
  gtk_widget_class_bind_template_child (widget_class, DeskFigureHistory, list_box);
}

static void
desk_figure_history_init (DeskFigureHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* }}} */
/* Public API {{{ */

/* Reads the figure history of the page's incident again. */
void
desk_figure_history_reload (DeskFigureHistory *self)
{
  DeskPageRequest *request;

  g_return_if_fail (DESK_IS_FIGURE_HISTORY (self));

  if ((request = desk_page_request_begin_part (self)) == NULL)
    return;

  request->serial = ++self->serial;
  desk_store_list_async (desk_incident_page_get_store (request->page), DESK_TYPE_FIGURE,
                         "incident-id", desk_incident_page_get_incident_id (request->page),
                         desk_incident_page_get_cancellable (request->page),
                         on_figures_loaded_cb, request);
}

/* Forgets the figures shown, e.g. those of another incident. */
void
desk_figure_history_clear (DeskFigureHistory *self)
{
  g_return_if_fail (DESK_IS_FIGURE_HISTORY (self));

  remove_rows (self);
  desk_chart_view_set_chart (self->chart, NULL);
  gtk_widget_set_visible (self->chart_frame, FALSE);
}

guint
_desk_figure_history_get_n_rows (DeskFigureHistory *self)
{
  guint n = 0;

  g_return_val_if_fail (DESK_IS_FIGURE_HISTORY (self), 0);

  while (gtk_list_box_get_row_at_index (self->list_box, n) != NULL)
    n++;

  return n;
}

/* Returns: (transfer full): the title and subtitle of the @index-th row, newest first */
char *
_desk_figure_history_dup_row_text (DeskFigureHistory *self,
                                   guint              index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DESK_IS_FIGURE_HISTORY (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list_box, index);
  g_return_val_if_fail (row != NULL, NULL);

  return g_strdup_printf ("%s | %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                          adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
}

GtkWidget *
_desk_figure_history_get_chart (DeskFigureHistory *self)
{
  g_return_val_if_fail (DESK_IS_FIGURE_HISTORY (self), NULL);

  return GTK_WIDGET (self->chart);
}

/* }}} */
