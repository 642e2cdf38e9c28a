package org.careaccess.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Requests sent all at once, one thread each, as an attacker's burst: their answers in order. */
public final class AtOnce {

    private AtOnce() {
    }

    public static <T> List<T> all(List<Supplier<T>> requests) {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<CompletableFuture<T>> sent = new ArrayList<>();
            requests.forEach(request -> sent.add(CompletableFuture.supplyAsync(request, pool)));
            List<T> answers = new ArrayList<>();
            for (CompletableFuture<T> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
