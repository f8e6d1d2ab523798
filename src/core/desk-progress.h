/* desk-progress.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How far long work on a worker thread has come, for an object's "fraction" property: set from
 * the worker, read from anywhere, notified on the main context that started the work. Embedded
 * in the object it belongs to. */
typedef struct
{
  GObject      *object;    /* borrowed: the owner */
  GParamSpec   *pspec;
  GMainContext *context;   /* where the property is notified, while the work runs */
  int           permille;  /* atomic */
  int           pending;   /* atomic: a notification is on its way */
} DeskProgress;

void    desk_progress_init   (DeskProgress *self,
                              GObject      *object,
                              GParamSpec   *pspec);
void    desk_progress_begin  (DeskProgress *self);
void    desk_progress_end    (DeskProgress *self);
void    desk_progress_set    (DeskProgress *self,
                              guint64       done,
                              guint64       total);
double  desk_progress_get    (DeskProgress *self);

G_END_DECLS
