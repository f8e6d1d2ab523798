/* desk-date-time-row.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskDateTimeRow edits one point in time, such as when an incident was detected. People type
 * it as ISO 8601 ("2026-04-14 09:30", "2026-04-14T09:30+09:00", "2026-04-14") and press Enter or
 * the apply button, or pick it from a calendar in a popover. Text without a zone is read in the
 * row's time zone (the incident's). Text that is not a time is refused: the row turns red, says
 * why in a toast and keeps the text for fixing; nothing is applied. An empty row means "not
 * set", and says so.
 *
 * The row only holds the value; whoever owns it listens to "time-applied" and saves. */

#define G_LOG_DOMAIN "desk-date-time-row"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-gui-utils.h"
#include "desk-time.h"

#include "desk-date-time-row.h"

struct _DeskDateTimeRow
{
  AdwEntryRow     parent_instance;

  /* Template widgets */
  GtkStack       *unset_stack;
  GtkMenuButton  *calendar_button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;

  /* Owned */
  GTimeZone      *time_zone;   /* NULL: the local zone */
  gint64          time;        /* 0: not set */

  guint           updating : 1;
};

G_DEFINE_FINAL_TYPE (DeskDateTimeRow, desk_date_time_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TIME_APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static GTimeZone *
dup_zone (DeskDateTimeRow *self)
{
  return self->time_zone ? g_time_zone_ref (self->time_zone) : g_time_zone_new_local ();
}

static void
update_unset_label (DeskDateTimeRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));

  gtk_stack_set_visible_child_name (self->unset_stack,
                                    self->time == 0 && *text == '\0' ? "unset" : "set");
}

/* Shows the value as text that reads back to the same value. */
static void
update_text (DeskDateTimeRow *self)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autofree char *text = desk_date_time_row_format (self->time, zone);

  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), text);
  self->updating = FALSE;

  desk_a11y_set_invalid (GTK_WIDGET (self), NULL);
  update_unset_label (self);
}

/* Takes @time as the person's choice: stores it and tells the owner, if it is new. */
static void
apply_time (DeskDateTimeRow *self,
            gint64           time)
{
  gboolean changed = time != self->time;

  if (changed)
    {
      self->time = time;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
    }

  update_text (self);

  if (changed)
    g_signal_emit (self, signals[TIME_APPLIED], 0);
}

/* }}} */
/* Callbacks {{{ */

static void
on_applied_cb (DeskDateTimeRow *self)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autofree char *current = desk_date_time_row_format (self->time, zone);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  g_autoptr(GError) error = NULL;
  gint64 time;

  if (*text == '\0')
    time = 0;
  else if (g_str_equal (text, current))
    time = self->time;   /* what the row showed: keep the seconds the text leaves out */
  else if (!desk_time_parse (text, zone, &time, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      desk_a11y_set_invalid (GTK_WIDGET (self), error->message);
      /* The toast title is markup on libadwaita 1.2. */
      desk_show_toast (GTK_WIDGET (self), escaped);
      return;
    }

  apply_time (self, time);
}

static void
on_changed_cb (DeskDateTimeRow *self)
{
  if (self->updating)
    return;

  /* The person is fixing the text: the old complaint no longer applies. */
  desk_a11y_set_invalid (GTK_WIDGET (self), NULL);
  update_unset_label (self);
}

static void
on_popover_shown_cb (DeskDateTimeRow *self)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) day = NULL;

  if (self->time != 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->time);

      when = g_date_time_to_timezone (utc, zone);
    }
  else
    when = g_date_time_new_now (zone);

  /* GtkCalendar works on days in the local zone: give it the day as the row's zone sees it. */
  day = g_date_time_new_local (g_date_time_get_year (when), g_date_time_get_month (when),
                               g_date_time_get_day_of_month (when), 0, 0, 0);
  gtk_calendar_select_day (self->calendar, day);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (when));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (when));
}

static void
on_set_clicked_cb (DeskDateTimeRow *self)
{
  g_autoptr(GTimeZone) zone = dup_zone (self);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) when = NULL;

  gtk_spin_button_update (self->hour_spin);
  gtk_spin_button_update (self->minute_spin);
  when = g_date_time_new (zone,
                          g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin),
                          0);
  gtk_popover_popdown (self->popover);

  if (when != NULL)
    apply_time (self, g_date_time_to_unix (when));
}

static void
on_clear_clicked_cb (DeskDateTimeRow *self)
{
  gtk_popover_popdown (self->popover);
  apply_time (self, 0);
}

/* Hours and minutes read "09", not "9". */
static gboolean
on_spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* }}} */
/* GObject {{{ */

static void
desk_date_time_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_DATE_TIME_ROW);

  G_OBJECT_CLASS (desk_date_time_row_parent_class)->dispose (object);
}

static void
desk_date_time_row_finalize (GObject *object)
{
  DeskDateTimeRow *self = DESK_DATE_TIME_ROW (object);

  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (desk_date_time_row_parent_class)->finalize (object);
}

static void
desk_date_time_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DeskDateTimeRow *self = DESK_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_date_time_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DeskDateTimeRow *self = DESK_DATE_TIME_ROW (object);

  switch (prop_id)
    {
    case PROP_TIME:
      desk_date_time_row_set_time (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_date_time_row_class_init (DeskDateTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_date_time_row_dispose;
  object_class->finalize = desk_date_time_row_finalize;
  object_class->get_property = desk_date_time_row_get_property;
  object_class->set_property = desk_date_time_row_set_property;

  /**
   * DeskDateTimeRow:time:
   *
   * The time shown, in seconds since the epoch; 0 means not set. Setting it does not emit
   * #DeskDateTimeRow::time-applied.
   */
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DeskDateTimeRow::time-applied:
   *
   * The person chose a new, valid time (or cleared it); #DeskDateTimeRow:time holds it.
   */
  signals[TIME_APPLIED] =
    g_signal_new ("time-applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-date-time-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskDateTimeRow, unset_stack);
  gtk_widget_class_bind_template_child (widget_class, DeskDateTimeRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, DeskDateTimeRow, popover);
  gtk_widget_class_bind_template_child (widget_class, DeskDateTimeRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, DeskDateTimeRow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskDateTimeRow, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_set_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
}

static void
desk_date_time_row_init (DeskDateTimeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  update_unset_label (self);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
desk_date_time_row_new (void)
{
  return g_object_new (DESK_TYPE_DATE_TIME_ROW, NULL);
}

gint64
desk_date_time_row_get_time (DeskDateTimeRow *self)
{
  g_return_val_if_fail (DESK_IS_DATE_TIME_ROW (self), 0);

  return self->time;
}

/**
 * desk_date_time_row_set_time:
 * @time: seconds since the epoch, or 0 for "not set"
 *
 * Shows @time, replacing whatever the row held, a refused text included.
 */
void
desk_date_time_row_set_time (DeskDateTimeRow *self,
                             gint64           time)
{
  g_return_if_fail (DESK_IS_DATE_TIME_ROW (self));

  if (self->time != time)
    {
      self->time = time;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
    }

  update_text (self);
}

/* Returns: (transfer none) (nullable): the zone for text without one; %NULL for the local zone */
GTimeZone *
desk_date_time_row_get_time_zone (DeskDateTimeRow *self)
{
  g_return_val_if_fail (DESK_IS_DATE_TIME_ROW (self), NULL);

  return self->time_zone;
}

/**
 * desk_date_time_row_set_time_zone:
 * @time_zone: (nullable): the zone the row shows times in and reads text without a zone in;
 *   %NULL for the local zone
 */
void
desk_date_time_row_set_time_zone (DeskDateTimeRow *self,
                                  GTimeZone       *time_zone)
{
  g_return_if_fail (DESK_IS_DATE_TIME_ROW (self));

  if (self->time_zone == time_zone)
    return;

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  if (time_zone != NULL)
    self->time_zone = g_time_zone_ref (time_zone);

  update_text (self);
}

/**
 * desk_date_time_row_format:
 * @time: seconds since the epoch, or 0
 * @time_zone: the zone to show @time in
 *
 * Returns: (transfer full): @time as the row shows it, e.g. "2026-04-14 09:30" (with seconds
 *   only when they are not 0), which desk_time_parse() reads back in @time_zone; "" for 0
 */
char *
desk_date_time_row_format (gint64     time,
                           GTimeZone *time_zone)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (time_zone != NULL, NULL);

  if (time == 0)
    return g_strdup ("");

  utc = g_date_time_new_from_unix_utc (time);
  if (utc == NULL)
    return g_strdup ("");

  when = g_date_time_to_timezone (utc, time_zone);
  return g_date_time_format (when, g_date_time_get_second (when) != 0 ? "%Y-%m-%d %H:%M:%S"
                                                                      : "%Y-%m-%d %H:%M");
}

/* }}} */
