/* desk-progress.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-progress"

#include "config.h"

#include "desk-progress.h"

void
desk_progress_init (DeskProgress *self,
                    GObject      *object,
                    GParamSpec   *pspec)
{
  *self = (DeskProgress) { .object = object, .pspec = pspec };
}

/**
 * desk_progress_begin:
 *
 * Starts telling progress: from now on, the property is notified on the thread-default main
 * context of the caller, once per turn of that context at the most.
 */
void
desk_progress_begin (DeskProgress *self)
{
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  g_atomic_int_set (&self->permille, 0);
}

/**
 * desk_progress_end:
 *
 * Stops notifying; call it once the work is over, on the thread that began it, and when the
 * owner is finalized.
 */
void
desk_progress_end (DeskProgress *self)
{
  g_clear_pointer (&self->context, g_main_context_unref);
}

static gboolean
notify_cb (gpointer data)
{
  DeskProgress *self = data;

  g_atomic_int_set (&self->pending, FALSE);
  g_object_notify_by_pspec (self->object, self->pspec);

  return G_SOURCE_REMOVE;
}

static void
release_owner (gpointer data)
{
  DeskProgress *self = data;

  g_object_unref (self->object);
}

/**
 * desk_progress_set:
 * @done: how much is done, of @total; an unknown @total (0) leaves the fraction at 0
 *
 * Called from the worker: cheap enough for every few thousand rows.
 */
void
desk_progress_set (DeskProgress *self,
                   guint64       done,
                   guint64       total)
{
  g_atomic_int_set (&self->permille, total > 0 ? (int) (MIN (done, total) * 1000 / total) : 0);

  if (self->context != NULL && g_atomic_int_compare_and_exchange (&self->pending, FALSE, TRUE))
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      /* the source holds the owner, which holds the progress */
      g_object_ref (self->object);
      g_source_set_callback (source, notify_cb, self, release_owner);
      g_source_attach (source, self->context);
    }
}

double
desk_progress_get (DeskProgress *self)
{
  return g_atomic_int_get (&self->permille) / 1000.0;
}
