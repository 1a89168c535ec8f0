package org.edgeway.web.faces;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link ConsoleExceptionHandler}. */
public class ConsoleExceptionHandlerFactory extends ExceptionHandlerFactory {

    public ConsoleExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new ConsoleExceptionHandler(getWrapped().getExceptionHandler());
    }
}
