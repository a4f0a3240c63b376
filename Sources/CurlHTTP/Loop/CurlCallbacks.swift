internal import CCurl

/// CURLOPT_WRITEFUNCTION: appends a body chunk to the transfer passed as `userdata`; returning less than the chunk
/// size (once the body cap is exceeded) makes libcurl abort the transfer with CURLE_WRITE_ERROR.
let curlWriteBody: ccurl_data_callback = { data, size, count, userdata in
    let length = size * count
    guard let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    return transfer.accumulator.appendBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

/// CURLOPT_HEADERFUNCTION: libcurl passes one complete header line per call.
let curlWriteHeader: ccurl_data_callback = { data, size, count, userdata in
    let length = size * count
    guard let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    transfer.accumulator.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
    return length
}
