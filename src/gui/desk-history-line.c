/* desk-history-line.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An item of the history page's list: the heading of a day, or one line under it (an event
 * people entered, or a sentence about changes). GTK 4.8 has no list section headers, so the
 * days are items of the model too. Read-only once made. */

#define G_LOG_DOMAIN "desk-history-line"

#include "config.h"

#include "desk-history-line.h"

struct _DeskHistoryLine
{
  GObject    parent_instance;

  gboolean   is_day;
  char      *text;
  char      *detail;
  char      *tooltip;
  DeskEvent *event;
};

G_DEFINE_FINAL_TYPE (DeskHistoryLine, desk_history_line, G_TYPE_OBJECT)

static void
desk_history_line_dispose (GObject *object)
{
  DeskHistoryLine *self = DESK_HISTORY_LINE (object);

  g_clear_object (&self->event);

  G_OBJECT_CLASS (desk_history_line_parent_class)->dispose (object);
}

static void
desk_history_line_finalize (GObject *object)
{
  DeskHistoryLine *self = DESK_HISTORY_LINE (object);

  g_free (self->text);
  g_free (self->detail);
  g_free (self->tooltip);

  G_OBJECT_CLASS (desk_history_line_parent_class)->finalize (object);
}

static void
desk_history_line_class_init (DeskHistoryLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = desk_history_line_dispose;
  object_class->finalize = desk_history_line_finalize;
}

static void
desk_history_line_init (DeskHistoryLine *self)
{
}

/* The heading of a day, e.g. "Yesterday". */
DeskHistoryLine *
desk_history_line_new_day (const char *day)
{
  DeskHistoryLine *self = g_object_new (DESK_TYPE_HISTORY_LINE, NULL);

  self->is_day = TRUE;
  self->text = g_strdup (day);
  return self;
}

/**
 * desk_history_line_new:
 * @detail: the smaller line under @text, e.g. "SOC · 09:30"
 * @tooltip: the full date and time
 * @event: (nullable): the event the line shows, so that it can be removed
 */
DeskHistoryLine *
desk_history_line_new (const char *text,
                       const char *detail,
                       const char *tooltip,
                       DeskEvent  *event)
{
  DeskHistoryLine *self = g_object_new (DESK_TYPE_HISTORY_LINE, NULL);

  g_return_val_if_fail (event == NULL || DESK_IS_EVENT (event), self);

  self->text = g_strdup (text);
  self->detail = g_strdup (detail);
  self->tooltip = g_strdup (tooltip);
  g_set_object (&self->event, event);
  return self;
}

gboolean
desk_history_line_is_day (DeskHistoryLine *self)
{
  g_return_val_if_fail (DESK_IS_HISTORY_LINE (self), FALSE);

  return self->is_day;
}

/* Returns: the day's heading, or the line's text */
const char *
desk_history_line_get_text (DeskHistoryLine *self)
{
  g_return_val_if_fail (DESK_IS_HISTORY_LINE (self), NULL);

  return self->text;
}

const char *
desk_history_line_get_detail (DeskHistoryLine *self)
{
  g_return_val_if_fail (DESK_IS_HISTORY_LINE (self), NULL);

  return self->detail;
}

const char *
desk_history_line_get_tooltip (DeskHistoryLine *self)
{
  g_return_val_if_fail (DESK_IS_HISTORY_LINE (self), NULL);

  return self->tooltip;
}

/* Returns: (nullable) (transfer none): the event the line shows, if it shows one */
DeskEvent *
desk_history_line_get_event (DeskHistoryLine *self)
{
  g_return_val_if_fail (DESK_IS_HISTORY_LINE (self), NULL);

  return self->event;
}
