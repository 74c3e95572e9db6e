package io.docflow.api;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A request parameter docflow cannot use: the problem names it. */
class InvalidParameterException extends ProblemException {

    private final String parameter;

    InvalidParameterException(String parameter, String detail) {
        this("invalid_parameter", "Invalid parameter", parameter, detail);
    }

    InvalidParameterException(String code, String title, String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, code, title, detail);
        this.parameter = parameter;
    }

    @Override
    Map<String, Object> members() {
        return Map.of("parameter", parameter);
    }
}
