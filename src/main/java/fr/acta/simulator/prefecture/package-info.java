/**
 * The sandbox préfecture: an S²LOW-compatible simulator under {@code /s2low-sandbox}, speaking the
 * {@code /modules/actes/} protocol ({@code api=1}, {@code OK}/{@code KO} text lines in ISO-8859-1,
 * HTTP 200) with S²LOW's checks and messages, a status progression 1 → 2 → 3 → 4 computed from
 * timestamps when read, real-format ARActe and préfecture messages, and an administrator API under
 * {@code /api/v1/sandbox/prefecture}. State is kept in PostgreSQL ({@code sandbox_prefecture_*}).
 * On with the embedded default and in tests, off on an external database unless
 * {@code acta.simulators.prefecture.enabled=true}. It uses no other Acta module.
 */
package fr.acta.simulator.prefecture;
